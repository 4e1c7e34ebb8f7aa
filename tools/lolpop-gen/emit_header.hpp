#pragma once
// Writes the generated header: the workflow type composed from lolpop::bind<...> lists, the profile's
// identity and make_settings(). Every binding and setting carries a #line pointing at the profile, so
// the compiler's errors about them name the profile's file and line.
#include "workflow.hpp"

#include <string>
#include <string_view>

namespace lolpop::gen {

struct header_identity {
    std::string name;         // the profile's stem: "dev"
    std::string source;       // the profile path as given to the generator
    std::string build_id;     // sha256 of the resolved profile text and the generator version
    std::string text;         // the resolved profile as TOML
    std::string header_path;  // the generated header's absolute path, for #line back to it
};

std::string emit_header(const workflow& wf, const registry& reg, const header_identity& id);

// `text` as a C++ string literal ("..." with escapes).
std::string cpp_string_literal(std::string_view text);
// `v` as a C++ double expression that reads back as the same value (infinities and NaN included).
std::string cpp_double_literal(double v);

}  // namespace lolpop::gen
