#include "detail/sqlite_schema.hpp"

#include <lolpop/core/error.hpp>

#include <cstdint>
#include <string>

namespace lolpop::detail {

void migrate_schema(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations) {
    const std::string purpose = "update the schema of " + std::string(component);
    sqlite_transaction tx(db, purpose);
    db.exec("CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)",
            purpose);

    auto read = db.prepare("SELECT version FROM schema_versions WHERE component = ?1", purpose);
    read.bind_text(1, component);
    const std::int64_t current = read.step() ? read.column_int64(0) : 0;
    const auto known = static_cast<std::int64_t>(migrations.size());
    if (current > known)
        throw error("the database holds schema version " + std::to_string(current) + " of " + std::string(component) +
                        ", newer than version " + std::to_string(known) + " that this lolpop knows",
                    db.path());
    if (current == known) return;

    for (auto i = static_cast<std::size_t>(current); i < migrations.size(); ++i) db.exec(migrations[i], purpose);
    auto write = db.prepare(
        "INSERT INTO schema_versions (component, version) VALUES (?1, ?2) "
        "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
        purpose);
    write.bind_text(1, component).bind_int64(2, known).run();
    tx.commit();
}

}  // namespace lolpop::detail
