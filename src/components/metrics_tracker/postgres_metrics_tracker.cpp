#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>

#include "detail/postgres_connection.hpp"
#include "detail/postgres_schema.hpp"
#include "detail/postgres_store.hpp"
#include "detail/utc_timestamp.hpp"

#include <lolpop/core/error.hpp>

#include <array>

namespace lolpop {

namespace {

// Append only: a released migration never changes, a new one goes at the end.
constexpr std::array<std::string_view, 1> migrations{
    R"sql(
CREATE TABLE metrics (
    resource_id text NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL,
    logged_at text NOT NULL,
    PRIMARY KEY (resource_id, name)
)
)sql",
};

void insert_metrics(detail::postgres_store& store, const std::string& resource_id, const metric_values& values) {
    constexpr std::string_view purpose = "log metrics";
    if (resource_id.empty()) throw error("the resource id of a metric is empty", store.where());
    for (const auto& [metric_name, value] : values)
        if (metric_name.empty()) throw error("empty metric name for resource '" + resource_id + "'", store.where());

    detail::postgres_store::write tx(store, purpose);
    const auto now = detail::utc_timestamp();
    for (const auto& [metric_name, value] : values)
        tx.connection().exec("INSERT INTO metrics (resource_id, name, value, logged_at) VALUES ($1, $2, $3, $4) "
                             "ON CONFLICT (resource_id, name) DO UPDATE SET value = excluded.value, "
                             "logged_at = excluded.logged_at",
                             purpose, resource_id, metric_name, value, now);
    tx.commit();
}

}  // namespace

postgres_metrics_tracker::postgres_metrics_tracker(const config& cfg, context& ctx) {
    if (cfg.dsn.empty()) throw error("the connection string is empty", "postgres_metrics_tracker.dsn");
    detail::check_postgres_schema_name(cfg.schema, "postgres_metrics_tracker.schema");
    store_ = detail::postgres_store::open(cfg.dsn.reveal(), cfg.schema);
    store_->add_schema(name, migrations);
    ctx.log(log_level::debug, "metrics tracker opened " + store_->where());
}

postgres_metrics_tracker::~postgres_metrics_tracker() = default;
postgres_metrics_tracker::postgres_metrics_tracker(postgres_metrics_tracker&&) noexcept = default;
postgres_metrics_tracker& postgres_metrics_tracker::operator=(postgres_metrics_tracker&&) noexcept = default;

void postgres_metrics_tracker::begin_step() { store_->begin_step(this); }
void postgres_metrics_tracker::commit_step() { store_->commit_step(this); }
void postgres_metrics_tracker::rollback_step() noexcept { store_->rollback_step(this); }

void postgres_metrics_tracker::log_metric(const std::string& resource_id, const std::string& metric_name,
                                          double value) {
    insert_metrics(*store_, resource_id, metric_values{{metric_name, value}});
}

void postgres_metrics_tracker::log_metrics(const std::string& resource_id, const metric_values& values) {
    insert_metrics(*store_, resource_id, values);
}

std::optional<double> postgres_metrics_tracker::get_metric(const std::string& resource_id,
                                                           const std::string& metric_name) {
    const auto r = store_->connection().exec("SELECT value FROM metrics WHERE resource_id = $1 AND name = $2",
                                             "read a metric", resource_id, metric_name);
    if (r.rows() == 0) return std::nullopt;
    return r.real(0, 0);
}

metric_values postgres_metrics_tracker::get_metrics(const std::string& resource_id) {
    const auto r =
        store_->connection().exec("SELECT name, value FROM metrics WHERE resource_id = $1", "read metrics", resource_id);
    metric_values out;
    for (int row = 0; row < r.rows(); ++row) out.emplace(r.text(row, 0), r.real(row, 1));
    return out;
}

}  // namespace lolpop
