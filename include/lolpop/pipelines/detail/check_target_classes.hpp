#pragma once
// A stray class ("2" among 0/1, a typo in one row) would otherwise turn a binary problem
// multiclass without a word: a binary-only perf_metric (pr_auc) on three classes or more is an
// error, and a class of a single row is a warning naming it.
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <map>
#include <string>

namespace lolpop::detail {

// Throws lolpop::error naming the metric, the class count and the classes, at `where`; warns
// through `ctx` of each class that only one row of many has.
inline void check_target_classes(const metric_info& metric, const column& target, const context& ctx,
                                 const std::string& where) {
    std::map<std::string, std::size_t> rows;
    std::size_t labeled = 0;
    for (std::size_t i = 0; i < target.size(); ++i)
        if (!target.is_missing(i)) ++rows[target.to_string(i)], ++labeled;
    std::string listed;
    for (const auto& [c, n] : rows) listed += (listed.empty() ? "" : ", ") + c;
    if (metric.binary_only && rows.size() > 2)
        throw error("perf_metric '" + std::string(metric.name) + "' is for two classes, but target '" + target.name() +
                        "' has " + std::to_string(rows.size()) + " (" + listed + ")",
                    where);
    constexpr std::size_t many = 20;  // below, a class of one row may just be a small sample
    if (labeled < many) return;
    for (const auto& [c, n] : rows)
        if (n == 1)
            ctx.log(log_level::warn, "class '" + c + "' of target '" + target.name() + "' has 1 row of " +
                                         std::to_string(labeled) + " (classes: " + listed +
                                         "): if it is a stray value, fix that row or drop it in the data transformer");
}

}  // namespace lolpop::detail
