#pragma once
// null_data_checker — the default data_checker: workflows without data checks get an empty, ok
// report and never stop on it.
#include <lolpop/concepts/data_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

#include <string_view>

namespace lolpop {

struct null_data_checker {
    struct config {};
    static constexpr std::string_view name = "null_data_checker";
    static constexpr bool inert = true;

    null_data_checker(const config&, context&) {}

    report check_data(const frame&) const { return report{"data_checker", {}}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_data_checker::config);

static_assert(lolpop::data_checker<lolpop::null_data_checker>);
