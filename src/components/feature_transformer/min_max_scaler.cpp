#include <lolpop/components/feature_transformer/min_max_scaler.hpp>

#include "detail/row_step.hpp"

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
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name, [this](const column& c) {
        const auto values = detail::present_values(c, name);
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        // scikit-learn's arithmetic, step by step, so that the results agree to the last bit.
        const double range = *high - *low;
        const double scale = (config_.max - config_.min) / (range < 10 * std::numeric_limits<double>::epsilon() ? 1.0 : range);
        return cell_op{scale, config_.min - *low * scale};
    });
}

frame min_max_scaler::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<min_max_scaler::cell_op> min_max_scaler::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string min_max_scaler::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op& op) { return std::vector<double>{op.scale, op.offset}; });
}

void min_max_scaler::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 2, [](const detail::fitted_column& c) { return cell_op{c.numbers[0], c.numbers[1]}; });
}

}  // namespace lolpop
