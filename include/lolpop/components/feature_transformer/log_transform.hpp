#pragma once
// log_transform — log(1 + x) per column, as numpy's log1p, which keeps 0 finite. Where log1p is
// not a finite number (x <= -1; numpy gives -inf at -1 and NaN below) the value becomes missing,
// which models read as missing instead of an infinity XGBoost rejects. Missing stays missing.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class log_transform {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
    };
    struct cell_op {
        bool active = false;  // false for the columns the step leaves alone
        double operator()(double v) const noexcept { return active ? apply(v) : v; }
        static double apply(double v) noexcept {
            return v > -1 ? std::log1p(v) : std::numeric_limits<double>::quiet_NaN();
        }
    };
    static constexpr std::string_view name = "log_transform";

    log_transform(const config& settings, context& ctx);

    // Throws lolpop::error when a training value is at or below -1: the column needs clipping or
    // shifting first, and training on values that would all become missing hides that.
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

BOOST_HANA_ADAPT_STRUCT(lolpop::log_transform::config, columns);

static_assert(lolpop::row_feature_transformer<lolpop::log_transform>);
