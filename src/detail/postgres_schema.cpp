#include "detail/postgres_schema.hpp"

#include <cstdint>
#include <string>

namespace lolpop::detail {

namespace {

// The component's version in the schema; 0 when it has none, or no schema_versions table yet.
std::int64_t schema_version(postgres_connection& conn, std::string_view schema, std::string_view component,
                            std::string_view purpose) {
    const auto table = postgres_identifier(schema) + ".schema_versions";
    if (conn.exec("SELECT to_regclass($1) IS NULL", purpose, table).text(0, 0) == "t") return 0;
    const auto found = conn.exec("SELECT version FROM schema_versions WHERE component = $1", purpose, component);
    return found.rows() == 0 ? 0 : found.int64(0, 0);
}

// Throws for a store of a newer lolpop; true when the component's tables are up to date.
bool is_current(postgres_connection& conn, std::string_view schema, std::string_view component,
                std::span<const std::string_view> migrations, std::string_view purpose) {
    const std::int64_t current = schema_version(conn, schema, component, purpose);
    const auto known = static_cast<std::int64_t>(migrations.size());
    if (current > known)
        throw error("the database schema '" + std::string(schema) + "' holds schema version " + std::to_string(current) +
                        " of " + std::string(component) + ", newer than version " + std::to_string(known) +
                        " that this lolpop knows",
                    conn.where());
    return current == known;
}

}  // namespace

void check_postgres_schema_name(const std::string& schema, const std::string& where) {
    bool ok = !schema.empty() && schema.size() <= 63 && !(schema[0] >= '0' && schema[0] <= '9');
    for (char c : schema) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok)
        throw error("the schema name '" + schema +
                        "' is not 1 to 63 lowercase letters, digits and '_' that start with a letter or '_'",
                    where);
}

void migrate_postgres_schema(postgres_connection& conn, std::string_view schema, std::string_view component,
                             std::span<const std::string_view> migrations) {
    const std::string purpose = "update the schema of " + std::string(component);
    if (is_current(conn, schema, component, migrations, purpose)) return;
    postgres_transaction tx(conn, purpose);
    // One lock per schema name, whichever component migrates: CREATE SCHEMA IF NOT EXISTS and
    // CREATE TABLE IF NOT EXISTS are not safe against each other at once.
    conn.exec("SELECT pg_advisory_xact_lock(hashtextextended('lolpop schema ' || $1, 0))", purpose, schema);
    conn.exec("CREATE SCHEMA IF NOT EXISTS " + postgres_identifier(schema), purpose);
    conn.exec("CREATE TABLE IF NOT EXISTS schema_versions (component text PRIMARY KEY, version bigint NOT NULL)",
              purpose);
    // Again under the lock: another process may have migrated meanwhile.
    if (is_current(conn, schema, component, migrations, purpose)) return;
    for (auto i = static_cast<std::size_t>(schema_version(conn, schema, component, purpose)); i < migrations.size(); ++i)
        conn.exec_script(migrations[i], purpose);
    conn.exec("INSERT INTO schema_versions (component, version) VALUES ($1, $2) "
              "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
              purpose, component, static_cast<std::int64_t>(migrations.size()));
    tx.commit();
}

}  // namespace lolpop::detail
