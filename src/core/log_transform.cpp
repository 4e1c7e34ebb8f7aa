#include <lolpop/components/feature_transformer/log_transform.hpp>

#include "row_step.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

namespace lolpop {

log_transform::log_transform(const config& settings, context&) : config_(settings) {}

void log_transform::fit(const frame& X) {
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    for (const auto& c : columns) {
        const auto values = row_values(X[c]);
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i] <= -1)
                throw error(fmt::format("column '{}' has {} in row {}, where log(1 + x) is not finite; clip or shift "
                                        "the column first",
                                        c, values[i], i + 1),
                            std::string(name));
    }
    columns_ = std::move(columns);
    fitted_ = true;
}

frame log_transform::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<log_transform::cell_op> log_transform::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, std::vector<cell_op>(columns_.size(), {true}), detail::step_input::numbers,
                                 name);
}

std::string log_transform::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (const auto& c : columns_) saved.push_back({c, {}, {}});
    return detail::save_fitted_columns(name, saved);
}

void log_transform::load_state(std::string_view bytes) {
    std::vector<std::string> columns;
    for (auto& c : detail::load_fitted_columns(name, bytes, 0)) columns.push_back(std::move(c.name));
    columns_ = std::move(columns);
    fitted_ = true;
}

}  // namespace lolpop
