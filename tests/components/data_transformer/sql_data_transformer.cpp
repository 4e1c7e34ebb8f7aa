#include <lolpop/components/data_transformer/sql_data_transformer.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/testing/check_component.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using lolpop::column;
using lolpop::column_type;
using lolpop::frame;
using lolpop::sql_data_transformer;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Orders with every kind of column and a missing value in each.
frame orders() {
    return frame({column::integer("id", {1, 2, 3, 4, 5}),
                  column::numeric("price", {12.5, missing, 3.0, 40.0, 7.25}),
                  column::integer("qty", {2, 1, 0, 5, 3}, {true, true, false, true, true}),
                  column::categorical("city", {"Oslo", "Lima", "Oslo", std::nullopt, "Lima"})});
}

frame transformed(const std::string& statement, const frame& data, std::string table = "data") {
    lolpop::context ctx;
    return sql_data_transformer({statement, std::move(table)}, ctx).transform(data);
}

std::string construction_error(const std::string& statement) {
    lolpop::context ctx;
    return message_of([&] { sql_data_transformer({statement, "data"}, ctx); });
}

std::string transform_error(const std::string& statement, const frame& data) {
    return message_of([&] { (void)transformed(statement, data); });
}

}  // namespace

TEST_CASE("sql_data_transformer is a data_transformer whose settings a profile can set") {
    CHECK_NOTHROW(lolpop::testing::check_component<sql_data_transformer, lolpop::role::data_transformer>());
}

TEST_CASE("sql_data_transformer filters rows and keeps the columns' types") {
    const frame out = transformed("SELECT * FROM data WHERE price > 5 OR qty IS NULL", orders());
    CHECK(out == frame({column::integer("id", {1, 3, 4, 5}), column::numeric("price", {12.5, 3.0, 40.0, 7.25}),
                        column::integer("qty", {2, 0, 5, 3}, {true, false, true, true}),
                        column::categorical("city", {"Oslo", "Oslo", std::nullopt, "Lima"})}));
}

TEST_CASE("sql_data_transformer passes missing values of every type through as missing") {
    const frame out = transformed("SELECT * FROM data", orders());
    CHECK(out == orders());
    CHECK(out["price"].is_missing(1));
    CHECK(out["qty"].is_missing(2));
    CHECK(out["city"].is_missing(3));
}

TEST_CASE("sql_data_transformer joins the frame with itself") {
    const frame out = transformed(R"(SELECT a.id AS id, b.id AS same_city
                                     FROM data AS a JOIN data AS b ON a.city = b.city AND a.id < b.id
                                     ORDER BY a.id)",
                                  orders());
    CHECK(out == frame({column::integer("id", {1, 2}), column::integer("same_city", {3, 5})}));
}

TEST_CASE("sql_data_transformer aggregates with GROUP BY, typing computed columns by their values") {
    const frame out = transformed(R"(SELECT city, count(*) AS n, sum(qty) AS units, avg(price) AS mean_price
                                     FROM data GROUP BY city ORDER BY city)",
                                  orders());
    // SQLite sorts NULL first; sum over only NULL is NULL.
    CHECK(out == frame({column::categorical("city", {std::nullopt, "Lima", "Oslo"}), column::integer("n", {1, 2, 2}),
                        column::integer("units", {5, 4, 2}), column::numeric("mean_price", {40.0, 7.25, 7.75})}));
}

TEST_CASE("sql_data_transformer types computed columns and warns of one mixing numbers and text") {
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> logged;
    ctx.set_logger([&](lolpop::log_level level, std::string_view message) { logged.emplace_back(level, message); });
    const frame out = sql_data_transformer({R"(SELECT id * 2 AS twice, id / 2.0 AS half, upper(city) AS loud,
                                                      CASE WHEN id = 2 THEN 'two' ELSE id END AS mixed, NULL AS blank
                                               FROM data)",
                                            "data"},
                                           ctx)
                          .transform(orders());
    CHECK(out["twice"] == column::integer("twice", {2, 4, 6, 8, 10}));
    CHECK(out["half"] == column::numeric("half", {0.5, 1.0, 1.5, 2.0, 2.5}));
    CHECK(out["loud"] == column::categorical("loud", {"OSLO", "LIMA", "OSLO", std::nullopt, "LIMA"}));
    CHECK(out["mixed"] == column::categorical("mixed", {"1", "two", "3", "4", "5"}));
    CHECK(out["blank"].type() == column_type::categorical);
    CHECK(out["blank"].missing_count() == 5);
    int warnings = 0;
    for (const auto& entry : logged)
        if (entry.first == lolpop::log_level::warn) {
            ++warnings;
            CHECK(entry.second ==
                  "column 'mixed' of the result of sql_data_transformer.statement holds numbers and text (first text "
                  "'two' at row 2): made categorical; CAST it in the statement to choose its type");
        }
    CHECK(warnings == 1);
}

TEST_CASE("sql_data_transformer keeps the columns of an empty result") {
    const frame out = transformed("SELECT id, price, city, qty + 1 AS next FROM data WHERE id > 100", orders());
    CHECK(out.rows() == 0);
    CHECK(out.names() == std::vector<std::string>{"id", "price", "city", "next"});
    CHECK(out["id"].type() == column_type::integer);
    CHECK(out["price"].type() == column_type::numeric);
    CHECK(out["city"].type() == column_type::categorical);
    CHECK(out["next"].type() == column_type::categorical);
}

TEST_CASE("sql_data_transformer names the frame as the table setting says, quoting it") {
    CHECK(transformed(R"(SELECT count(*) AS n FROM "the orders")", orders(), "the orders") ==
          frame({column::integer("n", {5})}));
    const frame odd({column::integer("a \"b\"", {1, 2})});
    CHECK(transformed(R"(SELECT "a ""b""" + 1 AS c FROM data)", odd) == frame({column::integer("c", {2, 3})}));
}

TEST_CASE("sql_data_transformer gives the line and column of an error in a multi-line statement") {
    CHECK(transform_error("SELECT id,\n       prize\nFROM data", orders()) ==
          "no such column: prize — \"^prize\" (sql_data_transformer.statement:2:8)");
    CHECK(transform_error("SELECT id\nFROM data\nWHERE citty = 'Oslo' AND id > 1", orders()) ==
          "no such column: citty — \"WHERE ^citty = 'Oslo' AND id > 1\" (sql_data_transformer.statement:3:7)");
    // Syntax is checked at construction, before any frame.
    CHECK(construction_error("SELECT id,\n  FROM data") ==
          "near \"FROM\": syntax error — \"^FROM data\" (sql_data_transformer.statement:2:3)");
    // Columns count characters, not bytes.
    CHECK(construction_error("SELECT 'é', FROM data") ==
          "near \"FROM\": syntax error — \"SELECT 'é', ^FROM data\" (sql_data_transformer.statement:1:13)");
    CHECK(construction_error("SELECT nosuchfunction(1)") ==
          "no such function: nosuchfunction — \"SELECT ^nosuchfunction(1)\" (sql_data_transformer.statement:1:8)");
    // SQLite gives no place for some errors.
    CHECK(construction_error("SELECT * FROM other") ==
          "cannot run the statement: no such table: other (sql_data_transformer.statement)");
}

TEST_CASE("sql_data_transformer refuses anything but one query") {
    CHECK(construction_error("  -- drop it\n  DELETE FROM data") ==
          "the statement is not a query: it starts with 'DELETE'; write one SELECT (or WITH ... SELECT) — \"^DELETE "
          "FROM data\" (sql_data_transformer.statement:2:3)");
    CHECK(construction_error("") == "the statement is empty (sql_data_transformer.statement)");
    CHECK(construction_error("/* nothing */") == "the statement is empty (sql_data_transformer.statement)");
    CHECK(construction_error("SELECT 1; SELECT 2") ==
          "cannot run the statement: the SQL holds more than one statement (sql_data_transformer.statement)");
    // Known only once the frame is there: at construction the table is missing.
    CHECK(transform_error("WITH old AS (SELECT id FROM data) DELETE FROM data WHERE id IN old", orders()) ==
          "the statement would change data; write one SELECT (or WITH ... SELECT) (sql_data_transformer.statement)");
    CHECK(transform_error("SELECT * FROM data; DROP TABLE data", orders()) ==
          "cannot run the statement: the SQL holds more than one statement (sql_data_transformer.statement)");
    lolpop::context ctx;
    CHECK(message_of([&] { sql_data_transformer({"SELECT 1", ""}, ctx); }) ==
          "the table name is empty (sql_data_transformer.table)");
}

TEST_CASE("sql_data_transformer wants result columns with names of their own") {
    CHECK(transform_error("SELECT id, price AS id, city, city FROM data", orders()) ==
          "the result has more than one column named 'id', 'city'; name them apart with AS "
          "(sql_data_transformer.statement)");
    CHECK(transform_error("SELECT id AS \"\" FROM data", orders()) ==
          "result column 1 has no name; name it with AS (sql_data_transformer.statement)");
    const frame cased({column::integer("A", {1}), column::integer("a", {2})});
    CHECK(transform_error("SELECT * FROM data", cased) ==
          "the input has columns 'A' and 'a', which SQL does not tell apart; rename one first (sql_data_transformer)");
}

TEST_CASE("sql_data_transformer handles 100000 rows") {
    constexpr std::size_t n = 100000;
    std::vector<std::int64_t> ids(n);
    std::vector<double> xs(n);
    std::vector<std::optional<std::string>> cities(n);
    const std::vector<std::string> names = {"Oslo", "Lima", "Pune", "Kiel", "Baku"};
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> expected;  // city -> count, sum of ids
    std::vector<std::size_t> even;
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = static_cast<std::int64_t>(i);
        xs[i] = i % 7 == 0 ? missing : static_cast<double>(i) / 8;
        if (i % 11 != 0) {
            cities[i] = names[i % names.size()];
            expected[*cities[i]].first += 1;
            expected[*cities[i]].second += ids[i];
        }
        if (i % 2 == 0) even.push_back(i);
    }
    const frame data({column::integer("id", ids), column::numeric("x", xs), column::categorical("city", cities)});

    CHECK(transformed("SELECT * FROM data WHERE id % 2 = 0", data) == data.take(even));

    const frame groups =
        transformed("SELECT city, count(*) AS n, sum(id) AS s FROM data WHERE city IS NOT NULL GROUP BY city ORDER BY city", data);
    REQUIRE(groups.rows() == expected.size());
    std::size_t row = 0;
    for (const auto& entry : expected) {
        CHECK(groups["city"].to_string(row) == entry.first);
        CHECK(groups["n"].integer_values()[row] == entry.second.first);
        CHECK(groups["s"].integer_values()[row] == entry.second.second);
        ++row;
    }
}
