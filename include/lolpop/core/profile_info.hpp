#pragma once
// The identity of the profile a binary was generated from; every run records it as lineage.
#include <string_view>

namespace lolpop {

struct profile_info {
    std::string_view name;      // the profile file's stem: "dev", "prod"
    std::string_view build_id;  // SHA-256 of the resolved profile text and the generator version
    std::string_view source;    // the profile file as given to the generator
    std::string_view text;      // the resolved profile (extends merged, references replaced)
};

}  // namespace lolpop
