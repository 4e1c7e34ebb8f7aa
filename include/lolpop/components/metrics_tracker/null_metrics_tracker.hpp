#pragma once
// null_metrics_tracker — the default metrics_tracker: workflows that keep their metrics only in
// the metadata tracker's experiments store nothing here.
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/resources.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace lolpop {

struct null_metrics_tracker {
    struct config {};
    static constexpr std::string_view name = "null_metrics_tracker";
    static constexpr bool inert = true;

    null_metrics_tracker(const config&, context&) {}

    void log_metric(const std::string&, const std::string&, double) {}
    void log_metrics(const std::string&, const metric_values&) {}
    std::optional<double> get_metric(const std::string&, const std::string&) const { return std::nullopt; }
    metric_values get_metrics(const std::string&) const { return {}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_metrics_tracker::config);

static_assert(lolpop::metrics_tracker<lolpop::null_metrics_tracker>);
