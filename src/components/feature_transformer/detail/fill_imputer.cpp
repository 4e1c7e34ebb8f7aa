#include <lolpop/components/feature_transformer/detail/fill_imputer.hpp>

#include "detail/row_step.hpp"

namespace lolpop::detail {

void fill_imputer::fit(const frame& X) {
    fitted_ = fit_ops<cell_op>(X, config_.columns, name_,
                               [this](const column& c) { return cell_op{statistic_(present_values(c, name_))}; });
}

frame fill_imputer::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<fill_imputer::cell_op> fill_imputer::plan(const row_layout& in) const { return plan_ops(fitted_, in, name_); }

std::string fill_imputer::save_state() const {
    return save_ops(fitted_, name_, [](const cell_op& op) { return std::vector<double>{op.fill}; });
}

void fill_imputer::load_state(std::string_view bytes) {
    fitted_ = load_ops<cell_op>(name_, bytes, 1, [](const fitted_column& c) { return cell_op{c.numbers[0]}; });
}

}  // namespace lolpop::detail
