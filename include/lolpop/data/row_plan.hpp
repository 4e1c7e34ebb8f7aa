#pragma once
// What a fitted row-wise feature transformer does to rows of a given layout: output value k of a
// row is cells[k].op applied to input value cells[k].source of the same row. Because every output
// value depends on one input value, a chain of such steps fuses into one pass per value.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace lolpop {

template <class Op>
struct row_cell {
    std::size_t source = 0;  // the input column this output column is made from
    Op op{};                 // double op(double) const: the input value to the output value
    bool changes = false;    // false: the output is the input column as it is (op is the identity)
};

template <class Op>
struct row_plan {
    row_layout output;
    std::vector<row_cell<Op>> cells;  // one per output column
};

// One row through the plan: `in` in the plan's input layout, `out` in plan.output.
template <class Op>
void transform_row(const row_plan<Op>& plan, std::span<const double> in, std::span<double> out) {
    for (std::size_t k = 0; k < plan.cells.size(); ++k) out[k] = plan.cells[k].op(in[plan.cells[k].source]);
}

// Every row of X through `plan`, which must be made for layout_of(X): the columns a cell changes
// become numeric columns, the others are X's columns as they are.
template <class Op>
frame transform_frame(const frame& X, const row_plan<Op>& plan) {
    std::vector<column> out;
    out.reserve(plan.cells.size());
    std::vector<std::vector<double>> inputs(X.cols());
    for (std::size_t k = 0; k < plan.cells.size(); ++k) {
        const row_cell<Op>& cell = plan.cells[k];
        const column& source = X.columns()[cell.source];
        if (!cell.changes) {
            out.push_back(source);
            out.back().rename(plan.output[k].name);
            continue;
        }
        std::vector<double>& in = inputs[cell.source];
        if (in.empty()) in = row_values(source);
        std::vector<double> values(in.size());
        for (std::size_t i = 0; i < in.size(); ++i) values[i] = cell.op(in[i]);
        out.push_back(column::numeric(plan.output[k].name, std::move(values)));
    }
    return frame(std::move(out));
}

}  // namespace lolpop
