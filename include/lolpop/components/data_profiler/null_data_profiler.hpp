#pragma once
// null_data_profiler — the default data_profiler: workflows that do not profile their data get
// empty reports, so pipelines need no special case.
#include <lolpop/concepts/data_profiler.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

#include <string_view>

namespace lolpop {

struct null_data_profiler {
    struct config {};
    static constexpr std::string_view name = "null_data_profiler";
    static constexpr bool inert = true;

    null_data_profiler(const config&, context&) {}

    report profile_data(const frame&) const { return report{"data_profiler", {}}; }
    report compare_data(const frame&, const frame&) const { return report{"data_profiler", {}}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_data_profiler::config);

static_assert(lolpop::data_profiler<lolpop::null_data_profiler>);
