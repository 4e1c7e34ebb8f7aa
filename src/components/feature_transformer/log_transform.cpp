#include <lolpop/components/feature_transformer/log_transform.hpp>

#include "detail/row_step.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

namespace lolpop {

log_transform::log_transform(const config& settings, context&) : config_(settings) {}

// Throws for a value where log(1 + x) is not finite (see the header).
void log_transform::fit(const frame& X) {
    fitted_ = detail::fit_ops<cell_op>(X, config_.columns, name, [](const column& c) {
        const auto values = row_values(c);
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i] <= -1)
                throw error(fmt::format("column '{}' has {} in row {}, where log(1 + x) is not finite; clip or shift "
                                        "the column first",
                                        c.name(), values[i], i + 1),
                            std::string(name));
        return cell_op{true};
    });
}

frame log_transform::transform(const frame& X) const { return transform_frame(X, plan(layout_of(X))); }

row_plan<log_transform::cell_op> log_transform::plan(const row_layout& in) const { return detail::plan_ops(fitted_, in, name); }

std::string log_transform::save_state() const {
    return detail::save_ops(fitted_, name, [](const cell_op&) { return std::vector<double>{}; });
}

void log_transform::load_state(std::string_view bytes) {
    fitted_ = detail::load_ops<cell_op>(name, bytes, 0, [](const detail::fitted_column&) { return cell_op{true}; });
}

}  // namespace lolpop
