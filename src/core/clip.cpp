#include <lolpop/components/feature_transformer/clip.hpp>

#include "row_step.hpp"

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
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    columns_ = std::move(columns);
    ops_.assign(columns_.size(), {config_.min, config_.max});
    fitted_ = true;
}

frame clip::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<clip::cell_op> clip::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, ops_, detail::step_input::numbers, name);
}

std::string clip::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (std::size_t k = 0; k < columns_.size(); ++k) saved.push_back({columns_[k], {ops_[k].min, ops_[k].max}, {}});
    return detail::save_fitted_columns(name, saved);
}

void clip::load_state(std::string_view bytes) {
    std::vector<std::string> columns;
    std::vector<cell_op> ops;
    for (auto& c : detail::load_fitted_columns(name, bytes, 2)) {
        if (!(c.numbers[0] <= c.numbers[1]))
            throw error("not a saved clip state", "clip.load_state: column '" + c.name + "' has min above max");
        columns.push_back(std::move(c.name));
        ops.push_back({c.numbers[0], c.numbers[1]});
    }
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

}  // namespace lolpop
