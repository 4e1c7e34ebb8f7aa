#pragma once
// Versioned schemas for components that keep tables in a PostgreSQL schema (a namespace of the
// database, so that several projects or tests can share one database). Each component has its own
// version in the table schema_versions(component, version) of that schema, as in a SQLite store.
#include "detail/postgres_connection.hpp"

#include <span>
#include <string>
#include <string_view>

namespace lolpop::detail {

// migrations[i] takes the component's tables from version i to i + 1. Creates `schema` when
// missing and applies, in one transaction, the migrations the schema has not had yet. A schema
// whose version for `component` is newer than migrations.size() was written by a newer lolpop:
// that is an error, not a silent downgrade. The migration holds an advisory lock of the schema
// (pg_advisory_xact_lock), so that processes starting at once on a new store migrate it once; a
// store that is up to date is opened without it. The connection's search_path must name `schema`.
void migrate_postgres_schema(postgres_connection& conn, std::string_view schema, std::string_view component,
                             std::span<const std::string_view> migrations);

// Throws unless `schema` is 1 to 63 lowercase letters, digits and '_' that start with a letter or
// '_': such a name means the same quoted or not in the SQL a user writes against the store.
// `where` names the setting.
void check_postgres_schema_name(const std::string& schema, const std::string& where);

}  // namespace lolpop::detail
