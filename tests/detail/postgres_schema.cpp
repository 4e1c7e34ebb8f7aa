// The migrations of the PostgreSQL components' schemas, with migrations of the tests' own.
#include "detail/postgres_schema.hpp"

#include "../message_of.hpp"
#include "../postgres_server.hpp"

#include <doctest/doctest.h>

#include <array>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using lolpop::detail::postgres_connection;

constexpr std::array<std::string_view, 2> migrations{
    "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)",
    "ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'unknown'; CREATE INDEX notes_by_author ON notes (author)",
};

constexpr std::array<std::string_view, 1> other_migrations{"CREATE TABLE other_notes (id bigint PRIMARY KEY)"};

postgres_connection connect(const std::string& dsn, const std::string& schema) {
    postgres_connection conn(dsn);
    conn.exec("SELECT set_config('search_path', $1, false)", "select the schema", lolpop::detail::postgres_identifier(schema));
    return conn;
}

}  // namespace

TEST_CASE("a schema made at version 1 is brought to version 2, keeping its rows") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    auto conn = connect(*dsn, schema);
    lolpop::detail::migrate_postgres_schema(conn, schema, "notes", std::span(migrations).first(1));
    conn.exec("INSERT INTO notes (id, body) VALUES (1, 'kept')", "write a note");
    CHECK(conn.exec("SELECT version FROM schema_versions WHERE component = 'notes'", "read").int64(0, 0) == 1);

    auto later = connect(*dsn, schema);  // a later lolpop
    lolpop::detail::migrate_postgres_schema(later, schema, "notes", migrations);
    CHECK(later.exec("SELECT version FROM schema_versions WHERE component = 'notes'", "read").int64(0, 0) == 2);
    const auto row = later.exec("SELECT body, author FROM notes", "read");
    REQUIRE(row.rows() == 1);
    CHECK(row.text(0, 0) == "kept");
    CHECK(row.text(0, 1) == "unknown");
    lolpop::detail::migrate_postgres_schema(later, schema, "notes", migrations);  // up to date: nothing to do

    // The older lolpop refuses the store it can no longer read.
    auto older = connect(*dsn, schema);
    CHECK(message_of([&] { lolpop::detail::migrate_postgres_schema(older, schema, "notes", std::span(migrations).first(1)); }) ==
          "the database schema '" + schema + "' holds schema version 2 of notes, newer than version 1 that this lolpop "
          "knows (" + older.where() + ")");
}

TEST_CASE("processes starting at once on a new schema migrate it once") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    std::vector<std::string> failures(6);
    std::vector<std::thread> starts;
    for (std::size_t i = 0; i < failures.size(); ++i)
        starts.emplace_back([&, i] {
            try {
                auto conn = connect(*dsn, schema);
                // Two components, as the metadata and metrics trackers on one schema.
                lolpop::detail::migrate_postgres_schema(conn, schema, i % 2 ? "notes" : "other_notes",
                                                        i % 2 ? std::span<const std::string_view>(migrations)
                                                              : std::span<const std::string_view>(other_migrations));
            } catch (const std::exception& e) {
                failures[i] = e.what();
            }
        });
    for (auto& t : starts) t.join();
    for (const auto& f : failures) CHECK(f == "");
    auto conn = connect(*dsn, schema);
    CHECK(conn.exec("SELECT string_agg(component || ' ' || version, ', ' ORDER BY component) FROM schema_versions", "read")
              .text(0, 0) == "notes 2, other_notes 1");
}

TEST_CASE("a schema name is lowercase letters, digits and '_'") {
    CHECK_NOTHROW(lolpop::detail::check_postgres_schema_name("team_a2", "here"));
    CHECK_NOTHROW(lolpop::detail::check_postgres_schema_name("_x", "here"));
    for (const char* bad : {"", "2team", "Team", "a-b", "a\"b", "ünï"})
        CHECK(message_of([&] { lolpop::detail::check_postgres_schema_name(bad, "here"); }) ==
              std::string("the schema name '") + bad +
                  "' is not 1 to 63 lowercase letters, digits and '_' that start with a letter or '_' (here)");
    CHECK(!message_of([&] { lolpop::detail::check_postgres_schema_name(std::string(64, 'a'), "here"); }).starts_with("no error"));
}
