#pragma once
// standard_scaler — (x - mean) / standard deviation per column, as scikit-learn's StandardScaler:
// the population standard deviation (ddof = 0); missing values are left out of the statistics
// and stay missing; a column without spread (scikit-learn's near-constant test) is only centred.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class standard_scaler {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
    };
    struct cell_op {
        double mean = 0;
        double scale = 1;
        static constexpr bool vectorizes = true;
        double operator()(double v) const noexcept { return (v - mean) / scale; }
    };
    static constexpr std::string_view name = "standard_scaler";

    standard_scaler(const config& settings, context& ctx);

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

BOOST_HANA_ADAPT_STRUCT(lolpop::standard_scaler::config, columns);

static_assert(lolpop::row_feature_transformer<lolpop::standard_scaler>);
