#include <lolpop/components/feature_transformer/ordinal_encoder.hpp>

#include "detail/fitted_categories.hpp"
#include "detail/row_step.hpp"

#include <limits>
#include <unordered_map>

namespace lolpop {

ordinal_encoder::ordinal_encoder(const config& settings, context&) : config_(settings) {}

void ordinal_encoder::fit(const frame& X) {
    std::vector<fitted> columns;
    for (auto& c : detail::step_columns(X, config_.columns, detail::step_input::categories, name))
        columns.push_back({c, detail::present_categories(X[c])});
    columns_ = std::move(columns);
    fitted_ = true;
}

frame ordinal_encoder::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<ordinal_encoder::cell_op> ordinal_encoder::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<std::string> names;
    std::vector<cell_op> ops;
    for (const fitted& f : columns_) {
        const layout_column& c = in[detail::planned_column(in, f.column, detail::step_input::categories, name)];
        std::unordered_map<std::string_view, double> rank;
        for (std::size_t k = 0; k < f.categories.size(); ++k) rank.emplace(f.categories[k], static_cast<double>(k));
        cell_op op{true, std::vector<double>(c.categories.size(), std::numeric_limits<double>::quiet_NaN())};
        for (std::size_t k = 0; k < c.categories.size(); ++k)
            if (const auto it = rank.find(c.categories[k]); it != rank.end()) op.ranks[k] = it->second;
        names.push_back(f.column);
        ops.push_back(std::move(op));
    }
    return detail::in_place_plan(in, names, ops, detail::step_input::categories, name);
}

std::string ordinal_encoder::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (const fitted& f : columns_) saved.push_back({f.column, {}, f.categories});
    return detail::save_fitted_columns(name, saved);
}

void ordinal_encoder::load_state(std::string_view bytes) {
    std::vector<fitted> columns;
    for (auto& c : detail::load_fitted_columns(name, bytes, 0)) {
        detail::require_sorted_categories(c, name);
        columns.push_back({std::move(c.name), std::move(c.labels)});
    }
    columns_ = std::move(columns);
    fitted_ = true;
}

}  // namespace lolpop
