#include <lolpop/components/feature_transformer/min_max_scaler.hpp>

#include "row_step.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace lolpop {

min_max_scaler::min_max_scaler(const config& settings, context&) : config_(settings) {
    if (!(config_.min < config_.max))
        throw error(fmt::format("min ({}) must be below max ({})", config_.min, config_.max), "min_max_scaler.min");
}

void min_max_scaler::fit(const frame& X) {
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    std::vector<cell_op> ops;
    for (const auto& c : columns) {
        const auto values = detail::present_values(X[c], name);
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        // scikit-learn's arithmetic, step by step, so that the results agree to the last bit.
        const double range = *high - *low;
        const double scale = (config_.max - config_.min) / (range < 10 * std::numeric_limits<double>::epsilon() ? 1.0 : range);
        ops.push_back({scale, config_.min - *low * scale});
    }
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

frame min_max_scaler::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<min_max_scaler::cell_op> min_max_scaler::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, ops_, detail::step_input::numbers, name);
}

std::string min_max_scaler::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (std::size_t k = 0; k < columns_.size(); ++k) saved.push_back({columns_[k], {ops_[k].scale, ops_[k].offset}, {}});
    return detail::save_fitted_columns(name, saved);
}

void min_max_scaler::load_state(std::string_view bytes) {
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
