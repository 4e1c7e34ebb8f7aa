#pragma once
// median_imputer — replaces missing values by the column's training median (the mean of the two
// middle values for an even count), as scikit-learn's SimpleImputer(strategy="median"). Integer
// columns come out numeric, since a median need not be whole.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/core/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/row_layout.hpp>
#include <lolpop/core/row_plan.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class median_imputer {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
    };
    struct cell_op {
        double fill = std::numeric_limits<double>::quiet_NaN();  // NaN: missing stays missing
        double operator()(double v) const noexcept { return std::isnan(v) ? fill : v; }
    };
    static constexpr std::string_view name = "median_imputer";

    median_imputer(const config& settings, context& ctx);

    // Throws lolpop::error for a column without any value (scikit-learn drops such columns).
    void fit(const frame& X);
    frame transform(const frame& X) const;
    row_plan<cell_op> plan(const row_layout& in) const;
    std::string save_state() const;
    void load_state(std::string_view bytes);

private:
    config config_;
    detail::fitted_ops<cell_op> fitted_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::median_imputer::config, columns);

static_assert(lolpop::row_feature_transformer<lolpop::median_imputer>);
