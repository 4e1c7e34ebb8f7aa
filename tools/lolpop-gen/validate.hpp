#pragma once
#include "diagnostics.hpp"
#include "profile_tree.hpp"
#include "registry.hpp"
#include "workflow.hpp"

#include <optional>

namespace lolpop::gen {

// Checks a resolved profile against the registry (DESIGN §5) and reports every mistake to `diags`;
// the workflow is returned only when there was none. `root` must outlive the result.
std::optional<workflow> validate(const node& root, const location& file_start, const registry& reg, diagnostics& diags);

}  // namespace lolpop::gen
