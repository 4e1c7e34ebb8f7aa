#pragma once
// What the row-wise feature transformers share: choosing their columns, planning a row layout in
// which they change some columns in place, and their fitted state as text.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/row_layout.hpp>
#include <lolpop/core/row_plan.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

// Imputers, scalers, log_transform and clip take numbers (numeric and integer columns); the
// encoders take categories.
enum class step_input { numbers, categories };

// The columns a step fitted on X applies to: `chosen` (its columns setting), each of which must be
// in X with the right kind, or every column of that kind when `chosen` is empty.
std::vector<std::string> step_columns(const frame& X, const std::vector<std::string>& chosen, step_input kind,
                                      std::string_view step);

// The index of fitted column `name` in `in`; throws lolpop::error when it is absent or of another kind.
std::size_t planned_column(const row_layout& in, const std::string& name, step_input kind, std::string_view step);

[[noreturn]] void not_fitted(std::string_view step);

// The values of `c` that are not missing, as doubles, in row order; throws lolpop::error when
// there are none, since nothing can be learned from them.
std::vector<double> present_values(const column& c, std::string_view step);

// A plan that keeps every column in place: the fitted columns become numeric and get their op,
// the others pass through (Op{} is the identity).
template <class Op>
row_plan<Op> in_place_plan(const row_layout& in, const std::vector<std::string>& columns, const std::vector<Op>& ops,
                           step_input kind, std::string_view step) {
    row_plan<Op> plan;
    plan.output = in;
    plan.cells.resize(in.size());
    for (std::size_t j = 0; j < in.size(); ++j) plan.cells[j].source = j;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const std::size_t j = planned_column(in, columns[k], kind, step);
        plan.output[j].type = column_type::numeric;
        plan.output[j].categories.clear();
        plan.cells[j] = {j, ops[k], true};
    }
    return plan;
}

// A fitted column as saved: its name, its numbers (statistics, bounds) and its labels (categories).
struct fitted_column {
    std::string name;
    std::vector<double> numbers;
    std::vector<std::string> labels;
};

// TOML text: the step's name, a format version and one table per column; numbers keep their exact
// value (shortest round-trip text, also for NaN and infinities).
std::string save_fitted_columns(std::string_view step, const std::vector<fitted_column>& columns);
// Throws lolpop::error "not a saved <step> state" for text save_fitted_columns did not write for
// this step, or with another count of numbers per column.
std::vector<fitted_column> load_fitted_columns(std::string_view step, std::string_view bytes,
                                               std::size_t numbers_per_column);

}  // namespace lolpop::detail
