#pragma once
// What the profile binary prints: the composed workflow for --describe and a summary per step.
#include <lolpop/core/profile_info.hpp>
#include <lolpop/composition/settings_tree.hpp>
#include <lolpop/core/outcome.hpp>
#include <lolpop/core/resources.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

void print_description(const profile_info& profile, const std::vector<described_part>& parts);
void print_outcome(const dataset_version& v);
void print_outcome(const train_outcome& t);
void print_outcome(const std::optional<deployment>& d);
void print_outcome(const predict_outcome& p);
void print_metrics(const std::string& title, const metric_values& m);
// Prints "error: <what>" on stderr and returns the exit code for it; std::bad_alloc, whose what()
// names nothing, as "error: out of memory in the <step> step".
int report_failure(const std::exception& e, std::string_view step = {});

}  // namespace lolpop
