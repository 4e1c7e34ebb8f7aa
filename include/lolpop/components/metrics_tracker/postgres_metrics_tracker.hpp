#pragma once
// lolpop::postgres_metrics_tracker — metrics in a PostgreSQL schema, one row per (resource,
// metric name).
//
// The schema may be the one postgres_metadata_tracker uses: each keeps its own tables and schema
// version, and, in one process, both write through one connection, so that a step's writes to
// both are one transaction (lolpop::stages_writes). Logging a metric again replaces it; NaN and
// the infinities round-trip.
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/resources.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lolpop {

namespace detail {
class postgres_store;
}

class postgres_metrics_tracker {
public:
    struct config {
        // A libpq connection string, as postgres_metadata_tracker's. A secret: never printed.
        secret dsn;
        // The PostgreSQL schema of the table: lowercase letters, digits and '_'.
        std::string schema = "lolpop";
    };
    static constexpr std::string_view name = "postgres_metrics_tracker";

    // Connects and brings the metrics table up to date; a schema written by a newer lolpop is an
    // error.
    postgres_metrics_tracker(const config& cfg, context& ctx);
    ~postgres_metrics_tracker();
    postgres_metrics_tracker(postgres_metrics_tracker&&) noexcept;
    postgres_metrics_tracker& operator=(postgres_metrics_tracker&&) noexcept;

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
    std::shared_ptr<detail::postgres_store> store_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::postgres_metrics_tracker::config, dsn, schema);

static_assert(lolpop::metrics_tracker<lolpop::postgres_metrics_tracker>);
static_assert(lolpop::stages_writes<lolpop::postgres_metrics_tracker>);
