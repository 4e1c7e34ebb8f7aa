#include <lolpop/components/feature_transformer/median_imputer.hpp>

#include "row_step.hpp"

#include <algorithm>

namespace lolpop {

namespace {

// numpy's median: the middle value, or the two middle values summed and halved.
double median_of(std::vector<double> values) {
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    const double high = values[middle];
    if (values.size() % 2 == 1) return high;
    const double low = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
    return (low + high) / 2;
}

}  // namespace

median_imputer::median_imputer(const config& settings, context&) : config_(settings) {}

void median_imputer::fit(const frame& X) {
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name,
                                       [](const column& c) { return cell_op{median_of(detail::present_values(c, name))}; });
}

frame median_imputer::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<median_imputer::cell_op> median_imputer::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string median_imputer::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op& op) { return std::vector<double>{op.fill}; });
}

void median_imputer::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 1, [](const detail::fitted_column& c) { return cell_op{c.numbers[0]}; });
}

}  // namespace lolpop
