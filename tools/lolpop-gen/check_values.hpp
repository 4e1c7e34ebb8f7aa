#pragma once
// The second look at a bound profile: the values of its settings against what the registry
// declares of them (ranges, allowed names by the runner's task, keys that name another
// component's settings, rules over several settings), and components against the runner's task.
#include "diagnostics.hpp"
#include "registry.hpp"
#include "workflow.hpp"

namespace lolpop::gen {

void check_values(const registry& reg, const workflow& wf, diagnostics& diags);

}  // namespace lolpop::gen
