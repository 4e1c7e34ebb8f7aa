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
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    std::vector<cell_op> ops;
    for (const auto& c : columns) ops.push_back({median_of(detail::present_values(X[c], name))});
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

frame median_imputer::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<median_imputer::cell_op> median_imputer::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, ops_, detail::step_input::numbers, name);
}

std::string median_imputer::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (std::size_t k = 0; k < columns_.size(); ++k) saved.push_back({columns_[k], {ops_[k].fill}, {}});
    return detail::save_fitted_columns(name, saved);
}

void median_imputer::load_state(std::string_view bytes) {
    std::vector<std::string> columns;
    std::vector<cell_op> ops;
    for (auto& c : detail::load_fitted_columns(name, bytes, 1)) {
        columns.push_back(std::move(c.name));
        ops.push_back({c.numbers[0]});
    }
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

}  // namespace lolpop
