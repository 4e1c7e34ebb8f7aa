#pragma once
// What mean_imputer and median_imputer share: each fills a column's missing values with one
// statistic of its training values, and they differ in that statistic and their name only.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

class fill_imputer {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
    };
    struct cell_op {
        double fill = std::numeric_limits<double>::quiet_NaN();  // NaN: missing stays missing
        static constexpr bool vectorizes = true;
        double operator()(double v) const noexcept { return std::isnan(v) ? fill : v; }
    };

    // Throws lolpop::error for a column without any value (scikit-learn drops such columns).
    void fit(const frame& X);
    frame transform(const frame& X) const;
    row_plan<cell_op> plan(const row_layout& in) const;
    std::string save_state() const;
    void load_state(std::string_view bytes);

protected:
    // The statistic of a column's present values (at least one), which fill their missing ones.
    using statistic = double (*)(std::vector<double> values);
    fill_imputer(const config& settings, std::string_view name, statistic of) noexcept
        : config_(settings), name_(name), statistic_(of) {}

private:
    config config_;
    std::string_view name_;
    statistic statistic_;
    fitted_ops<cell_op> fitted_;
};

}  // namespace lolpop::detail

BOOST_HANA_ADAPT_STRUCT(lolpop::detail::fill_imputer::config, columns);
