#include <lolpop/components/feature_transformer/standard_scaler.hpp>

#include "row_step.hpp"

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
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    std::vector<cell_op> ops;
    for (const auto& c : columns) ops.push_back(scaler_of(detail::present_values(X[c], name)));
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

frame standard_scaler::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<standard_scaler::cell_op> standard_scaler::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, ops_, detail::step_input::numbers, name);
}

std::string standard_scaler::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (std::size_t k = 0; k < columns_.size(); ++k) saved.push_back({columns_[k], {ops_[k].mean, ops_[k].scale}, {}});
    return detail::save_fitted_columns(name, saved);
}

void standard_scaler::load_state(std::string_view bytes) {
    std::vector<std::string> columns;
    std::vector<cell_op> ops;
    for (auto& c : detail::load_fitted_columns(name, bytes, 2)) {
        columns.push_back(std::move(c.name));
        ops.push_back({c.numbers[0], c.numbers[1]});
    }
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

}  // namespace lolpop
