// postgres_data_connector against the tests' PostgreSQL server; every test writes tables of its own.
#include <lolpop/components/data_connector/postgres_data_connector.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/testing/check_component.hpp>
#include <lolpop/testing/data_connector_laws.hpp>

#include "../../message_of.hpp"
#include "../../postgres_server.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

using lolpop::column;
using lolpop::column_type;
using lolpop::frame;

// A table name no other test run uses.
std::string fresh_table(const std::string& stem) {
    static std::mt19937_64 random{std::random_device{}()};
    return stem + "_" + std::to_string(random() % 1000000000);
}

std::string field(const std::string& dsn, const std::string& key) {
    std::smatch m;
    std::regex_search(dsn, m, std::regex(key + "=([^ ]*)"));
    return m[1];
}

// `rows` rows with every type, missing values in each and text that COPY must escape.
frame mixed_rows(std::size_t rows) {
    const std::vector<std::string> labels = {"Oslo", "tab\there", "new\nline", "back\\slash", "cr\rlf", "", "ünïcode ✓",
                                             "\\N", "quote \" and '"};
    std::vector<std::int64_t> ids(rows), counts(rows);
    std::vector<bool> valid(rows);
    std::vector<double> xs(rows);
    std::vector<std::optional<std::string>> cities(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        ids[i] = static_cast<std::int64_t>(i) - 3;
        counts[i] = i % 5 == 0 ? 0 : static_cast<std::int64_t>(i * 7919) * (i % 2 ? -1 : 1);
        valid[i] = i % 5 != 0;
        xs[i] = i % 6 == 0 ? std::nan("") : i % 6 == 1 ? 1.0 / 3.0 * static_cast<double>(i) : i % 6 == 2 ? -1e-300 : static_cast<double>(i) * 1e15 + 0.1;
        if (i % 7 != 3) cities[i] = labels[i % labels.size()];
    }
    ids[0] = INT64_MIN;
    if (rows > 1) ids[1] = INT64_MAX;
    if (rows > 2) xs[2] = HUGE_VAL;
    return frame({column::integer("id", ids), column::integer("count", counts, valid), column::numeric("x", xs),
                  column::categorical("city", cities), column::categorical("Mixed Case \"name\"", cities)});
}

struct fixture {
    lolpop::context ctx;
    std::optional<std::string> dsn = lolpop_test::postgres_dsn();

    lolpop::postgres_data_connector connector(std::vector<std::string> parameters = {}) {
        return lolpop::postgres_data_connector({*dsn, std::move(parameters)}, ctx);
    }
};

}  // namespace

TEST_CASE("postgres_data_connector is a data_connector whose settings a profile can set") {
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::postgres_data_connector, lolpop::role::data_connector>());
}

TEST_CASE("postgres_data_connector saves a frame and reads it back unchanged") {
    fixture f;
    if (!f.dsn) return;
    auto c = f.connector();
    for (std::size_t rows : {std::size_t{500}, std::size_t{100000}}) {
        CAPTURE(rows);
        const std::string table = fresh_table("round_trip");
        const frame data = mixed_rows(rows);
        c.save_data(data, table);
        const frame back = c.get_data(table);
        CHECK(back == data);
        REQUIRE(back.cols() == 5);
        CHECK(back["count"].type() == column_type::integer);
        CHECK(back["count"].missing_count() == data["count"].missing_count());
        CHECK(back["x"].type() == column_type::numeric);
        CHECK(back["x"].missing_count() == data["x"].missing_count());
        CHECK(back["city"].missing_count() == data["city"].missing_count());
    }
}

TEST_CASE("postgres_data_connector replaces a table it saves again, and names a table as SQL does") {
    fixture f;
    if (!f.dsn) return;
    auto c = f.connector();
    const std::string table = fresh_table("Replaced");
    c.save_data(mixed_rows(20), table);
    const frame smaller({column::categorical("label", {"a", std::nullopt})});
    c.save_data(smaller, "public." + table);
    // Unquoted names are read in lower case.
    CHECK(c.get_data(table) == smaller);
    CHECK(c.get_data("PUBLIC." + table) == smaller);
    // A reserved word is a name too.
    const std::string reserved = fresh_table("order");
    c.save_data(smaller, reserved);
    CHECK(c.get_data(reserved) == smaller);
    // An empty frame keeps its columns and their types.
    const frame empty({column::integer("n", {}), column::numeric("x", {}), column::categorical("s", std::vector<std::optional<std::string>>{})});
    c.save_data(empty, table);
    CHECK(c.get_data(table) == empty);
}

TEST_CASE("postgres_data_connector leaves the old table when saving fails") {
    fixture f;
    if (!f.dsn) return;
    auto c = f.connector();
    const std::string table = fresh_table("kept");
    c.save_data(mixed_rows(50), table);
    // Text that is not UTF-8: the server refuses the COPY half way through.
    std::vector<std::optional<std::string>> labels(1000, std::string("fine"));
    labels[900] = std::string("bad \xff byte");
    const std::string refused = message_of([&] { c.save_data(frame({column::categorical("s", labels)}), table); });
    CHECK(refused.find("cannot replace table '" + table + "': invalid byte sequence for encoding \"UTF8\"") == 0);
    CHECK(refused.find("(postgres_data_connector, postgresql host=") != std::string::npos);
    CHECK(c.get_data(table) == mixed_rows(50));
    // Names the server cuts to the same 63 bytes: refused when the table is created.
    const std::string long_name(70, 'n');
    const std::string same = message_of([&] {
        c.save_data(frame({column::integer(long_name + "1", {1}), column::integer(long_name + "2", {2})}), table);
    });
    CHECK(same.find("specified more than once") != std::string::npos);
    CHECK(c.get_data(table) == mixed_rows(50));
}

TEST_CASE("postgres_data_connector binds a query's parameters in order") {
    fixture f;
    if (!f.dsn) return;
    const std::string table = fresh_table("people");
    f.connector().save_data(frame({column::integer("id", {1, 2, 3, 4}), column::categorical("city", {"Oslo", "Lima", "Oslo", "Oslo"})}),
                            table);
    auto c = f.connector({"Oslo", "1"});
    const std::string query = "SELECT id, city FROM " + table + " WHERE city = $1 AND id > $2 ORDER BY id";
    CHECK(c.get_data(query) == frame({column::integer("id", {3, 4}), column::categorical("city", {"Oslo", "Oslo"})}));
    // A $ in a string or a comment is no parameter.
    CHECK(c.get_data("SELECT '$3' AS a, $$ $4 $$ AS b, $2::int AS c -- $5\n WHERE $1 = 'Oslo'") ==
          frame({column::categorical("a", {"$3"}), column::categorical("b", {" $4 "}), column::integer("c", {1})}));

    CHECK(message_of([&] { (void)f.connector({"Oslo"}).get_data(query); }) ==
          "query parameter '$2' has no value in setting 'parameters' (which holds 1) (postgres_data_connector)");
    CHECK(message_of([&] { (void)f.connector({"Oslo", "1", "extra"}).get_data(query); }) ==
          "setting 'parameters' holds 3 values but the query uses $1 to $2 (postgres_data_connector)");
}

TEST_CASE("postgres_data_connector maps PostgreSQL's types to the frame's") {
    fixture f;
    if (!f.dsn) return;
    auto c = f.connector();
    const frame r = c.get_data(
        "SELECT 1::int2 AS a, 2::int4 AS b, 3::int8 AS c, true AS d, false AS e, 1.5::float4 AS g, 2.25::float8 AS h, "
        "3.125::numeric AS i, 'x'::varchar AS j, 'y'::char(2) AS k, DATE '2024-02-29' AS l, "
        "TIMESTAMP '2024-02-29 13:45:00' AS m, NULL::int4 AS n, NULL::float8 AS o, NULL::bool AS p, NULL::text AS q");
    CHECK(r == frame({column::integer("a", {1}), column::integer("b", {2}), column::integer("c", {3}),
                      column::integer("d", {1}), column::integer("e", {0}), column::numeric("g", {1.5}),
                      column::numeric("h", {2.25}), column::numeric("i", {3.125}), column::categorical("j", {"x"}),
                      column::categorical("k", {"y "}), column::categorical("l", {"2024-02-29"}),
                      column::categorical("m", {"2024-02-29 13:45:00"}), column::integer("n", {0}, {false}),
                      column::numeric("o", {std::nan("")}), column::integer("p", {0}, {false}),
                      column::categorical("q", {std::nullopt})}));
    CHECK(message_of([&] { (void)c.get_data("SELECT 'a'::bytea AS b"); }) ==
          "column 'b' holds binary data (bytea), which a frame cannot hold (postgres_data_connector)");
    const std::string twice = message_of([&] { (void)c.get_data("SELECT 1 AS a, 2 AS a"); });
    CHECK(twice.find("the result of run query 'SELECT 1 AS a, 2 AS a' has two columns named 'a' (postgres_data_connector, "
                     "postgresql host=") == 0);
}

TEST_CASE("postgres_data_connector errors name the connector and the server's message, never the password") {
    fixture f;
    if (!f.dsn) return;
    const std::string password = field(*f.dsn, "password");
    REQUIRE(!password.empty());
    const std::string server = "postgresql host=" + field(*f.dsn, "host") + " port=" + field(*f.dsn, "port") +
                               " dbname=" + field(*f.dsn, "dbname");
    auto c = f.connector();
    const std::string missing = fresh_table("missing");
    CHECK(message_of([&] { (void)c.get_data(missing); }) ==
          "cannot read table '" + missing + "': relation \"" + missing + "\" does not exist (postgres_data_connector, " +
              server + ")");
    CHECK(message_of([&] { (void)c.get_data("SELEC 1"); }) ==
          "cannot run query 'SELEC 1': syntax error at or near \"SELEC\" (postgres_data_connector, " + server + ")");
    CHECK(message_of([&] { (void)c.get_data("CREATE TABLE " + missing + " (a int)"); }) ==
          "cannot run query 'CREATE TABLE " + missing + " (a int)': cannot execute CREATE TABLE in a read-only transaction "
          "(postgres_data_connector, " + server + ")");
    CHECK(message_of([&] { c.save_data(frame({column::integer("a", {1})}), "two words"); }) ==
          "target table 'two words' is not a name (table or schema.table: letters, digits and '_') (postgres_data_connector)");
    CHECK(message_of([&] { c.save_data(frame(), missing); }) ==
          "cannot save a frame with no columns to table '" + missing + "' (postgres_data_connector)");

    const std::string wrong = std::regex_replace(*f.dsn, std::regex("password=[^ ]*"), "password=not-" + password);
    lolpop::postgres_data_connector refused({wrong, {}}, f.ctx);
    const std::string denied = message_of([&] { (void)refused.get_data("t"); });
    CHECK(denied == "cannot connect to PostgreSQL: password authentication failed for user \"lolpop\" "
                    "(postgres_data_connector, " + server + ")");
    for (const auto& message : {denied, message_of([&] { (void)c.get_data(missing); })})
        CHECK(message.find(password) == std::string::npos);
    CHECK(message_of([&] { lolpop::postgres_data_connector({"", {}}, f.ctx); }) ==
          "the connection string is empty (postgres_data_connector.dsn)");
}

TEST_CASE("postgres_data_connector keeps the data connector laws") {
    fixture f;
    if (!f.dsn) return;
    auto c = f.connector();
    CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(c, fresh_table("laws")));
    // On its own frames too: every row of the round-trip frame, COPY's escapes included.
    CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(c, fresh_table("laws"), mixed_rows(300), mixed_rows(7)));
}
