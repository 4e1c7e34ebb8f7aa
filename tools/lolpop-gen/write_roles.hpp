#pragma once
// The C++ that the registry's [roles] table and its runners' and pipelines' role lists decide,
// written once here instead of by hand in many places:
//   lolpop/composition/role.hpp           the role tags
//   lolpop/composition/check_binding.hpp  the concept each role's bound type must model, and the
//                                         assertion (with its message) where a binding is written
//   in each runner's and pipeline's own header, between "// lolpop-gen: parts begin" and
//   "// lolpop-gen: parts end": its <name>_parts, the type bound to each of its roles (or the
//   role's null component), the assertions naming it, its settings and the constructed parts;
//   between "// lolpop-gen: includes begin" and "... end": the headers those need.
// The files are kept in the source tree (readable, installed as they are); the test
// `generator.roles_are_current` fails when they differ from what the registry gives.
#include "registry.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lolpop::gen {

struct generated_file {
    std::filesystem::path path;  // relative to the include directory
    std::string text;
};

// `source` names the registry in generated files' first line; the runners' and pipelines' headers
// are read from `include_dir` and returned with their blocks regenerated.
std::vector<generated_file> role_files(const registry& reg, const std::string& source,
                                       const std::filesystem::path& include_dir);

}  // namespace lolpop::gen
