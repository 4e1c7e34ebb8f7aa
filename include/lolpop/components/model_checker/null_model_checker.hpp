#pragma once
// null_model_checker — the default model_checker: workflows without model checks get an empty,
// ok report and never stop on it.
#include <lolpop/concepts/model_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>
#include <lolpop/core/split.hpp>

#include <string_view>

namespace lolpop {

struct null_model_checker {
    struct config {};
    static constexpr std::string_view name = "null_model_checker";
    static constexpr bool inert = true;

    null_model_checker(const config&, context&) {}

    report check_model(const data_split&, const evaluation&) const { return report{"model_checker", {}}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_model_checker::config);

static_assert(lolpop::model_checker<lolpop::null_model_checker>);
