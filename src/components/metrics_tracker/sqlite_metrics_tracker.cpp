#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>

#include "detail/random_hex.hpp"
#include "detail/utc_timestamp.hpp"
#include "detail/sqlite_database.hpp"
#include "detail/sqlite_schema.hpp"
#include "detail/sqlite_store.hpp"

#include <lolpop/core/error.hpp>

#include <array>

namespace lolpop {

namespace {

using detail::sqlite_database;

// Append only: a released migration never changes, a new one goes at the end.
constexpr std::array<std::string_view, 1> migrations{
    R"sql(
-- value is NULL for NaN, which SQLite cannot store.
CREATE TABLE metrics (
    resource_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value REAL,
    logged_at TEXT NOT NULL,
    PRIMARY KEY (resource_id, name)
);
)sql",
};

void insert_metrics(detail::sqlite_store& store, const std::string& resource_id, const metric_values& values) {
    constexpr std::string_view purpose = "log metrics";
    if (resource_id.empty()) throw error("the resource id of a metric is empty", store.path());
    for (const auto& [metric_name, value] : values)
        if (metric_name.empty()) throw error("empty metric name for resource '" + resource_id + "'", store.path());

    detail::sqlite_store::write tx(store, purpose);
    sqlite_database& db = tx.db();
    auto s = db.prepare("INSERT INTO metrics (resource_id, name, value, logged_at) VALUES (?1, ?2, ?3, ?4) "
                        "ON CONFLICT (resource_id, name) DO UPDATE SET value = excluded.value, "
                        "logged_at = excluded.logged_at",
                        purpose);
    const auto now = detail::utc_timestamp();
    for (const auto& [metric_name, value] : values) {
        s.bind_text(1, resource_id).bind_text(2, metric_name).bind_double(3, value).bind_text(4, now);
        s.run();
        s.reset();
    }
    tx.commit();
}

}  // namespace

sqlite_metrics_tracker::sqlite_metrics_tracker(const config& cfg, context& ctx) {
    if (cfg.path.empty()) throw error("the database path is empty", "sqlite_metrics_tracker setting 'path'");
    store_ = detail::sqlite_store::open(cfg.path);
    store_->add_schema(name, migrations);
    ctx.log(log_level::debug, "metrics tracker opened " + cfg.path);
}

sqlite_metrics_tracker::~sqlite_metrics_tracker() = default;
sqlite_metrics_tracker::sqlite_metrics_tracker(sqlite_metrics_tracker&&) noexcept = default;
sqlite_metrics_tracker& sqlite_metrics_tracker::operator=(sqlite_metrics_tracker&&) noexcept = default;

void sqlite_metrics_tracker::begin_step() { store_->begin_step(this); }
void sqlite_metrics_tracker::commit_step() { store_->commit_step(this); }
void sqlite_metrics_tracker::rollback_step() noexcept { store_->rollback_step(this); }

void sqlite_metrics_tracker::log_metric(const std::string& resource_id, const std::string& metric_name, double value) {
    insert_metrics(*store_, resource_id, metric_values{{metric_name, value}});
}

void sqlite_metrics_tracker::log_metrics(const std::string& resource_id, const metric_values& values) {
    insert_metrics(*store_, resource_id, values);
}

std::optional<double> sqlite_metrics_tracker::get_metric(const std::string& resource_id,
                                                         const std::string& metric_name) {
    auto s = store_->read().prepare("SELECT value FROM metrics WHERE resource_id = ?1 AND name = ?2", "read a metric");
    s.bind_text(1, resource_id).bind_text(2, metric_name);
    if (!s.step()) return std::nullopt;
    return s.column_double(0);
}

metric_values sqlite_metrics_tracker::get_metrics(const std::string& resource_id) {
    auto s = store_->read().prepare("SELECT name, value FROM metrics WHERE resource_id = ?1", "read metrics");
    s.bind_text(1, resource_id);
    metric_values out;
    while (s.step()) out.emplace(s.column_text(0), s.column_double(1));
    return out;
}

}  // namespace lolpop
