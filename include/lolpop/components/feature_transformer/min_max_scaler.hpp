#pragma once
// min_max_scaler — maps each column's training range onto [min, max], as scikit-learn's
// MinMaxScaler (x * scale + offset, the same arithmetic): missing values are left out of the
// range and stay missing; a column without spread is only shifted; new data outside the training
// range lands outside [min, max].
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

class min_max_scaler {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
        double min = 0;                         // what the training minimum becomes
        double max = 1;                         // what the training maximum becomes
    };
    struct cell_op {
        double scale = 1;
        double offset = 0;
        static constexpr bool vectorizes = true;
        double operator()(double v) const noexcept { return v * scale + offset; }
    };
    static constexpr std::string_view name = "min_max_scaler";

    // Throws lolpop::error unless min < max.
    min_max_scaler(const config& settings, context& ctx);

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

BOOST_HANA_ADAPT_STRUCT(lolpop::min_max_scaler::config, columns, min, max);

static_assert(lolpop::row_feature_transformer<lolpop::min_max_scaler>);
