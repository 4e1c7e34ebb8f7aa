#pragma once
// Versioned schemas for components that keep tables in a SQLite file. Each component has its own
// version in the table schema_versions(component, version), so several components can share one
// file, each migrating its own tables.
#include "detail/sqlite_database.hpp"

#include <span>
#include <string_view>

namespace lolpop::detail {

// migrations[i] takes the component's tables from version i to i + 1. In one transaction, applies
// those the file has not had yet and records the new version. A file whose version for
// `component` is newer than migrations.size() was written by a newer lolpop: that is an error,
// not a silent downgrade.
// The write lock is taken only when the file is behind: a store that is up to date opens while
// another process writes.
void migrate_schema(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations);

// The same inside the caller's transaction.
void apply_migrations(sqlite_database& db, std::string_view component, std::span<const std::string_view> migrations);

}  // namespace lolpop::detail
