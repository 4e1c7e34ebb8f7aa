#pragma once
// clip — limits each column to [min, max], as numpy's clip: values below min become min, values
// above max become max, missing stays missing. Fitting only fixes the columns and the bounds, so
// that a saved model keeps them whatever the profile says later.
#include <lolpop/components/feature_transformer/detail/fitted_ops.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class clip {
public:
    struct config {
        std::vector<std::string> columns = {};  // numeric or integer columns; empty = all of them
        double min = -std::numeric_limits<double>::infinity();
        double max = std::numeric_limits<double>::infinity();
    };
    struct cell_op {
        double min = -std::numeric_limits<double>::infinity();
        double max = std::numeric_limits<double>::infinity();
        static constexpr bool vectorizes = true;
        // Comparisons with NaN are false, so a missing value passes through as numpy's clip does.
        double operator()(double v) const noexcept { return v < min ? min : (v > max ? max : v); }
    };
    static constexpr std::string_view name = "clip";

    // Throws lolpop::error unless min <= max and at least one of them is set (finite).
    clip(const config& settings, context& ctx);

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

BOOST_HANA_ADAPT_STRUCT(lolpop::clip::config, columns, min, max);

static_assert(lolpop::row_feature_transformer<lolpop::clip>);
