#pragma once
// A binary-only perf_metric (pr_auc) on a target of three classes or more cannot rank models: a
// stray class ("2" among 0/1) would otherwise turn the problem multiclass without a word.
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <set>
#include <string>

namespace lolpop::detail {

// Throws lolpop::error naming the metric, the class count and the classes, at `where`.
inline void require_metric_fits_classes(const metric_info& metric, const column& target, const std::string& where) {
    if (!metric.binary_only) return;
    std::set<std::string> classes;
    for (std::size_t i = 0; i < target.size(); ++i)
        if (!target.is_missing(i)) classes.insert(target.to_string(i));
    if (classes.size() <= 2) return;
    std::string listed;
    for (const auto& c : classes) listed += (listed.empty() ? "" : ", ") + c;
    throw error("perf_metric '" + std::string(metric.name) + "' is for two classes, but target '" + target.name() + "' has " +
                    std::to_string(classes.size()) + " (" + listed + ")",
                where);
}

}  // namespace lolpop::detail
