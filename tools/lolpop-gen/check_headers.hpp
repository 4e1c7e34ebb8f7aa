#pragma once
// The headers of the registry entries a profile uses, looked up on the include path the profile's
// binary is compiled with: a registry's misspelled header is then an error at the registry's line,
// not the compiler's "No such file" at the generated header's #include.
#include "diagnostics.hpp"
#include "workflow.hpp"

#include <filesystem>
#include <vector>

namespace lolpop::gen {

// Reports, at the entry's `header` value, each header of the runner, pipelines, components and
// chains of `wf` that is in none of `include_dirs`. Entries the profile does not use are not
// looked at: a registry may list components whose headers are not installed.
void check_headers(const workflow& wf, const std::vector<std::filesystem::path>& include_dirs, diagnostics& diags);

}  // namespace lolpop::gen
