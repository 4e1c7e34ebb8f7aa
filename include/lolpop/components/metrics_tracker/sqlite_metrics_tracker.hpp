#pragma once
// lolpop::sqlite_metrics_tracker — metrics in a SQLite file, one row per (resource, metric name).
//
// The file may be the one sqlite_metadata_tracker uses, even while it is open there: each keeps
// its own tables and schema version, and both write through one connection, so that a step's
// writes to both are one transaction (lolpop::stages_writes). Logging a metric again replaces it;
// NaN round-trips.
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/resources.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lolpop {

namespace detail {
class sqlite_store;
}

class sqlite_metrics_tracker {
public:
    struct config {
        // Created with its parent directories when missing.
        std::string path = ".lolpop/metadata.db";
    };
    static constexpr std::string_view name = "sqlite_metrics_tracker";

    // Opens the file and brings its metrics table up to date; a file written by a newer lolpop
    // is an error.
    sqlite_metrics_tracker(const config& cfg, context& ctx);
    ~sqlite_metrics_tracker();
    sqlite_metrics_tracker(sqlite_metrics_tracker&&) noexcept;
    sqlite_metrics_tracker& operator=(sqlite_metrics_tracker&&) noexcept;

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    void log_metric(const std::string& resource_id, const std::string& metric_name, double value);
    // All or none: one transaction.
    void log_metrics(const std::string& resource_id, const metric_values& values);
    std::optional<double> get_metric(const std::string& resource_id, const std::string& metric_name);
    metric_values get_metrics(const std::string& resource_id);

private:
    std::shared_ptr<detail::sqlite_store> store_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::sqlite_metrics_tracker::config, path);

static_assert(lolpop::metrics_tracker<lolpop::sqlite_metrics_tracker>);
static_assert(lolpop::stages_writes<lolpop::sqlite_metrics_tracker>);
