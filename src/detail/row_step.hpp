#pragma once
// What the row-wise feature transformers share: choosing their columns, planning a row layout in
// which they change some columns in place, and their fitted state as text.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

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

// The numeric steps' fit: one op per chosen column of X, made by op_of(column).
template <class Op, class OpOf>
fitted_ops<Op> fit_ops(const frame& X, const std::vector<std::string>& chosen, std::string_view step, OpOf op_of) {
    fitted_ops<Op> out{true, step_columns(X, chosen, step_input::numbers, step), {}};
    for (const auto& c : out.columns) out.ops.push_back(op_of(X[c]));
    return out;
}

template <class Op>
row_plan<Op> plan_ops(const fitted_ops<Op>& f, const row_layout& in, std::string_view step) {
    if (!f.fitted) not_fitted(step);
    return in_place_plan(in, f.columns, f.ops, step_input::numbers, step);
}

// Each column with numbers_of(its op) -> std::vector<double>, as save_fitted_columns writes them.
template <class Op, class NumbersOf>
std::string save_ops(const fitted_ops<Op>& f, std::string_view step, NumbersOf numbers_of) {
    if (!f.fitted) not_fitted(step);
    std::vector<fitted_column> saved;
    for (std::size_t k = 0; k < f.columns.size(); ++k) saved.push_back({f.columns[k], numbers_of(f.ops[k]), {}});
    return save_fitted_columns(step, saved);
}

// What save_ops wrote, `count` numbers per column, each made an op by op_of(const fitted_column&);
// throws as load_fitted_columns does, and whatever op_of throws for numbers it rejects.
template <class Op, class OpOf>
fitted_ops<Op> load_ops(std::string_view step, std::string_view bytes, std::size_t count, OpOf op_of) {
    fitted_ops<Op> out{true, {}, {}};
    for (auto& c : load_fitted_columns(step, bytes, count)) {
        out.ops.push_back(op_of(c));
        out.columns.push_back(std::move(c.name));
    }
    return out;
}

}  // namespace lolpop::detail
