// lolpop::metrics_tracker: one hand-made tracker per requirement, each lacking only that one.
#include <lolpop/concepts/metrics_tracker.hpp>

#include "archetype.hpp"

#include <optional>
#include <string>

namespace {

template <bool Logs, bool Reads>
struct tracker : archetype::component_base {
    using component_base::component_base;
    void log_metric(const std::string&, const std::string&, double)
        requires Logs;
    void log_metrics(const std::string&, const lolpop::metric_values&)
        requires Logs;
    std::optional<double> get_metric(const std::string&, const std::string&)
        requires Reads;
    lolpop::metric_values get_metrics(const std::string&)
        requires Reads;
};
static_assert(lolpop::metrics_tracker<tracker<true, true>>);
static_assert(!lolpop::logs_metrics<tracker<false, true>> && !lolpop::metrics_tracker<tracker<false, true>>);
static_assert(!lolpop::reads_metrics<tracker<true, false>> && !lolpop::metrics_tracker<tracker<true, false>>);

}  // namespace
