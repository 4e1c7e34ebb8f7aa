#include <lolpop/components/feature_transformer/mean_imputer.hpp>

#include "row_step.hpp"

namespace lolpop {

namespace {

// Summed in row order, as numpy sums a column of a row-major array.
double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

}  // namespace

mean_imputer::mean_imputer(const config& settings, context&) : config_(settings) {}

void mean_imputer::fit(const frame& X) {
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name,
                                       [](const column& c) { return cell_op{mean_of(detail::present_values(c, name))}; });
}

frame mean_imputer::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<mean_imputer::cell_op> mean_imputer::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string mean_imputer::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op& op) { return std::vector<double>{op.fill}; });
}

void mean_imputer::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 1, [](const detail::fitted_column& c) { return cell_op{c.numbers[0]}; });
}

}  // namespace lolpop
