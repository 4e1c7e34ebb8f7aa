#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>

#include "detail/fitted_categories.hpp"
#include "detail/row_step.hpp"

#include <lolpop/core/error.hpp>

#include <set>
#include <unordered_map>

namespace lolpop {

one_hot_encoder::one_hot_encoder(const config& settings, context&) : config_(settings) {}

void one_hot_encoder::fit(const frame& X) {
    std::vector<fitted> columns;
    for (auto& c : detail::step_columns(X, config_.columns, detail::step_input::categories, name)) {
        const column& values = X[c];
        columns.push_back({c, detail::present_categories(values), values.missing_count() > 0});
    }
    columns_ = std::move(columns);
    fitted_ = true;
}

frame one_hot_encoder::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<one_hot_encoder::cell_op> one_hot_encoder::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<const fitted*> encoded(in.size(), nullptr);
    for (const fitted& f : columns_) encoded[detail::planned_column(in, f.column, detail::step_input::categories, name)] = &f;

    row_plan<cell_op> plan;
    for (std::size_t j = 0; j < in.size(); ++j) {
        const fitted* f = encoded[j];
        if (!f) {
            plan.output.push_back(in[j]);
            plan.cells.push_back({j, {}, false});
            continue;
        }
        std::unordered_map<std::string_view, double> code;
        for (std::size_t k = 0; k < in[j].categories.size(); ++k) code.emplace(in[j].categories[k], static_cast<double>(k));
        for (const std::string& category : f->categories) {
            const auto it = code.find(category);
            plan.output.push_back({f->column + "_" + category, column_type::numeric, {}});
            plan.cells.push_back({j, {cell_op::test::equals, it == code.end() ? -1.0 : it->second}, true});
        }
        if (f->missing) {
            plan.output.push_back({f->column + "_nan", column_type::numeric, {}});
            plan.cells.push_back({j, {cell_op::test::missing, -1}, true});
        }
    }
    std::set<std::string_view> names;
    for (const layout_column& c : plan.output)
        if (!names.insert(c.name).second)
            throw error("the output column '" + c.name + "' would appear twice; rename the column it clashes with",
                        std::string(name));
    return plan;
}

std::string one_hot_encoder::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (const fitted& f : columns_) saved.push_back({f.column, {f.missing ? 1.0 : 0.0}, f.categories});
    return detail::save_fitted_columns(name, saved);
}

void one_hot_encoder::load_state(std::string_view bytes) {
    std::vector<fitted> columns;
    for (auto& c : detail::load_fitted_columns(name, bytes, 1)) {
        detail::require_sorted_categories(c, name);
        columns.push_back({std::move(c.name), std::move(c.labels), c.numbers[0] != 0});
    }
    columns_ = std::move(columns);
    fitted_ = true;
}

}  // namespace lolpop
