#include <lolpop/components/feature_transformer/mean_imputer.hpp>

#include "row_step.hpp"

namespace lolpop {

namespace {

// Summed in row order, as numpy sums a column of a row-major array.
double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

}  // namespace

mean_imputer::mean_imputer(const config& settings, context&) : config_(settings) {}

void mean_imputer::fit(const frame& X) {
    auto columns = detail::step_columns(X, config_.columns, detail::step_input::numbers, name);
    std::vector<cell_op> ops;
    for (const auto& c : columns) ops.push_back({mean_of(detail::present_values(X[c], name))});
    columns_ = std::move(columns);
    ops_ = std::move(ops);
    fitted_ = true;
}

frame mean_imputer::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<mean_imputer::cell_op> mean_imputer::plan(const row_layout& in) const {
    if (!fitted_) detail::not_fitted(name);
    return detail::in_place_plan(in, columns_, ops_, detail::step_input::numbers, name);
}

std::string mean_imputer::save_state() const {
    if (!fitted_) detail::not_fitted(name);
    std::vector<detail::fitted_column> saved;
    for (std::size_t k = 0; k < columns_.size(); ++k) saved.push_back({columns_[k], {ops_[k].fill}, {}});
    return detail::save_fitted_columns(name, saved);
}

void mean_imputer::load_state(std::string_view bytes) {
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
