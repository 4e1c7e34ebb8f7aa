#pragma once
// null_model_bias_checker — the default model_bias_checker: workflows without protected groups
// get an empty, ok report.
#include <lolpop/concepts/model_bias_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>

#include <string_view>

namespace lolpop {

struct null_model_bias_checker {
    struct config {};
    static constexpr std::string_view name = "null_model_bias_checker";
    static constexpr bool inert = true;

    null_model_bias_checker(const config&, context&) {}

    report check_model_bias(const evaluation&) const { return report{"model_bias_checker", {}}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_model_bias_checker::config);

static_assert(lolpop::model_bias_checker<lolpop::null_model_bias_checker>);
