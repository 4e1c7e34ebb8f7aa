#include <lolpop/components/feature_transformer/clip.hpp>

#include "detail/row_step.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <cmath>

namespace lolpop {

clip::clip(const config& settings, context&) : config_(settings) {
    if (!(config_.min <= config_.max))
        throw error(fmt::format("min ({}) must not be above max ({})", config_.min, config_.max), "clip.min");
    if (!std::isfinite(config_.min) && !std::isfinite(config_.max))
        throw error("neither min nor max is set, so there is nothing to clip", "clip");
}

void clip::fit(const frame& X) {
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name, [this](const column&) { return cell_op{config_.min, config_.max}; });
}

frame clip::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<clip::cell_op> clip::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string clip::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op& op) { return std::vector<double>{op.min, op.max}; });
}

void clip::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 2, [](const detail::fitted_column& c) {
        if (!(c.numbers[0] <= c.numbers[1]))
            throw error("not a saved clip state", "clip.load_state: column '" + c.name + "' has min above max");
        return cell_op{c.numbers[0], c.numbers[1]};
    });
}

}  // namespace lolpop
