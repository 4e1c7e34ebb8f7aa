#include "detail/sqlite_schema.hpp"

#include <lolpop/core/error.hpp>

#include <cstdint>
#include <string>

namespace lolpop::detail {

namespace {

// The component's version in the file; 0 when it has none, or no schema_versions table yet.
std::int64_t schema_version(sqlite_database& db, std::string_view component, const std::string& purpose) {
    auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'", purpose);
    if (!exists.step()) return 0;
    auto read = db.prepare("SELECT version FROM schema_versions WHERE component = ?1", purpose);
    read.bind_text(1, component);
    return read.step() ? read.column_int64(0) : 0;
}

// Throws for a file of a newer lolpop; true when the component's tables are up to date.
bool is_current(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations,
                const std::string& purpose) {
    const std::int64_t current = schema_version(db, component, purpose);
    const auto known = static_cast<std::int64_t>(migrations.size());
    if (current > known)
        throw error("the database holds schema version " + std::to_string(current) + " of " + std::string(component) +
                        ", newer than version " + std::to_string(known) + " that this lolpop knows",
                    db.path());
    return current == known;
}

}  // namespace

void apply_migrations(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations) {
    const std::string purpose = "update the schema of " + std::string(component);
    if (is_current(db, component, migrations, purpose)) return;
    db.exec("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)",
            purpose);
    for (auto i = static_cast<std::size_t>(schema_version(db, component, purpose)); i < migrations.size(); ++i)
        db.exec(migrations[i], purpose);
    auto write = db.prepare(
        "INSERT INTO schema_versions (component, version) VALUES (?1, ?2) "
        "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
        purpose);
    write.bind_text(1, component).bind_int64(2, static_cast<std::int64_t>(migrations.size())).run();
}

void migrate_schema(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations) {
    const std::string purpose = "update the schema of " + std::string(component);
    if (is_current(db, component, migrations, purpose)) return;
    sqlite_transaction tx(db, purpose);
    apply_migrations(db, component, migrations);  // checks again: another process may have migrated meanwhile
    tx.commit();
}

}  // namespace lolpop::detail
