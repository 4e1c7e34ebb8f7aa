#pragma once
// lolpop::metrics_tracker — numeric metrics attached to any tracked resource.
//
// Requirements
//   t.log_metric(resource_id, name, value)
//   t.log_metrics(resource_id, const metric_values&)
//   t.get_metric(resource_id, name) -> std::optional<double>
//   t.get_metrics(resource_id) -> metric_values
// Semantics
//   Logging a metric again for the same resource replaces it. log_metrics is atomic.
// Models
//   sqlite_metrics_tracker, postgres_metrics_tracker, null_metrics_tracker (keeps nothing).
// Example
//   given: lolpop::null_metrics_tracker& metrics, const std::string& model_version_id
//   metrics.log_metric(model_version_id, "auc", 0.93);
//   std::optional<double> auc = metrics.get_metric(model_version_id, "auc");
//   (void)auc;
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/resources.hpp>

#include <optional>
#include <string>

namespace lolpop {

template <class T>
concept logs_metrics = requires(T& t, const std::string& s, double v, const metric_values& m) {
    t.log_metric(s, s, v);
    t.log_metrics(s, m);
};

template <class T>
concept reads_metrics = requires(T& t, const std::string& s) {
    { t.get_metric(s, s) } -> std::same_as<std::optional<double>>;
    { t.get_metrics(s) } -> std::same_as<metric_values>;
};

template <class T>
concept metrics_tracker = component<T> && logs_metrics<T> && reads_metrics<T>;

}  // namespace lolpop
