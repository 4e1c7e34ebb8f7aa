#include <lolpop/components/feature_transformer/standard_scaler.hpp>

#include "detail/row_step.hpp"

#include <cmath>
#include <limits>

namespace lolpop {

namespace {

// scikit-learn's StandardScaler: the corrected two-pass variance, and its test for a column whose
// variance is indistinguishable from rounding error, which keeps scale 1.
standard_scaler::cell_op scaler_of(const std::vector<double>& values) {
    const auto n = static_cast<double>(values.size());
    double sum = 0;
    for (double v : values) sum += v;
    const double mean = sum / n;
    double correction = 0, squares = 0;
    for (double v : values) {
        correction += v - mean;
        squares += (v - mean) * (v - mean);
    }
    const double variance = (squares - correction * correction / n) / n;
    constexpr double eps = std::numeric_limits<double>::epsilon();
    const double bound = n * eps * variance + (n * mean * eps) * (n * mean * eps);
    return {mean, variance <= bound ? 1.0 : std::sqrt(variance)};
}

}  // namespace

standard_scaler::standard_scaler(const config& settings, context&) : config_(settings) {}

void standard_scaler::fit(const frame& X) {
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name,
                                       [](const column& c) { return scaler_of(detail::present_values(c, name)); });
}

frame standard_scaler::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<standard_scaler::cell_op> standard_scaler::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string standard_scaler::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op& op) { return std::vector<double>{op.mean, op.scale}; });
}

void standard_scaler::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 2, [](const detail::fitted_column& c) { return cell_op{c.numbers[0], c.numbers[1]}; });
}

}  // namespace lolpop
