#include <lolpop/components/data_connector/sqlite_data_connector.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/testing/data_connector_laws.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using lolpop::column;
using lolpop::column_type;
using lolpop::frame;

// Patients with every kind of column and a missing value in each.
frame patients() {
    return frame({column::integer("id", {1, 2, 3, 4}),
                  column::numeric("weight", {71.5, std::nan(""), 80.0, -3.25e-7}),
                  column::integer("age", {34, 0, 51, 29}, {true, false, true, true}),
                  column::categorical("city", {"Oslo", "Lima", std::nullopt, "Oslo"})});
}

struct fixture {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    std::string path = (tmp / "data/store.db").string();

    lolpop::sqlite_data_connector connector(std::map<std::string, std::string> parameters = {}) {
        return lolpop::sqlite_data_connector({path, std::move(parameters)}, ctx);
    }
};

}  // namespace

TEST_CASE("sqlite_data_connector saves a frame and reads it back unchanged") {
    fixture f;
    auto c = f.connector();
    c.save_data(patients(), "patients");
    auto back = c.get_data("patients");
    CHECK(back == patients());
    CHECK(back["id"].type() == column_type::integer);
    CHECK(back["weight"].type() == column_type::numeric);
    CHECK(back["age"].type() == column_type::integer);
    CHECK(back["age"].is_missing(1));
    CHECK(back["city"].type() == column_type::categorical);
    CHECK(back["city"].is_missing(2));
}

TEST_CASE("sqlite_data_connector replaces a table it saves again") {
    fixture f;
    auto c = f.connector();
    c.save_data(patients(), "t");
    frame smaller({column::categorical("label", {"a"})});
    c.save_data(smaller, "t");
    CHECK(c.get_data("t") == smaller);
}

TEST_CASE("sqlite_data_connector leaves the old table when saving fails half way") {
    fixture f;
    auto c = f.connector();
    c.save_data(patients(), "patients");
    // Distinct names in a frame, one name to SQLite: creating the new table fails after the old
    // one was dropped.
    frame clash({column::integer("Age", {1}), column::integer("age", {2})});
    CHECK_THROWS_WITH_AS(c.save_data(clash, "patients"), doctest::Contains("duplicate column name"), lolpop::error);
    CHECK(c.get_data("patients") == patients());
}

TEST_CASE("sqlite_data_connector binds a query's named parameters") {
    fixture f;
    f.connector().save_data(patients(), "patients");
    auto c = f.connector({{"min_age", "30"}, {"city", "Oslo"}, {"unused", "x"}});
    auto result = c.get_data("SELECT id, city FROM patients WHERE age >= :min_age OR city = @city ORDER BY id");
    CHECK(result == frame({column::integer("id", {1, 3, 4}), column::categorical("city", {"Oslo", std::nullopt, "Oslo"})}));
}

TEST_CASE("sqlite_data_connector names a query parameter that has no value") {
    fixture f;
    f.connector().save_data(patients(), "patients");
    auto c = f.connector({{"city", "Oslo"}});
    CHECK_THROWS_WITH_AS(c.get_data("SELECT * FROM patients WHERE age > :min_age AND city = :city"),
                         doctest::Contains("query parameter ':min_age' has no value"), lolpop::error);
    CHECK_THROWS_WITH_AS(c.get_data("SELECT * FROM patients WHERE age > ?"),
                         doctest::Contains("positional parameter"), lolpop::error);
}

TEST_CASE("sqlite_data_connector types columns by the values they hold") {
    fixture f;
    std::vector<std::string> warnings;
    f.ctx.set_logger([&](lolpop::log_level level, std::string_view message) {
        if (level == lolpop::log_level::warn) warnings.emplace_back(message);
    });
    auto c = f.connector();
    c.save_data(frame({column::integer("n", {0, 0}, {false, false}),
                       column::numeric("x", {std::nan(""), std::nan("")}),
                       column::categorical("s", {std::nullopt, std::nullopt})}),
                "empty_values");

    // Integers among reals make a numeric column; any text makes a categorical one.
    auto mixed = c.get_data("SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2.5, 3 UNION ALL SELECT NULL, 0.5");
    CHECK(mixed == frame({column::numeric("a", {1.0, 2.5, std::nan("")}),
                          column::categorical("b", {"x", "3", "0.5"})}));
    // ... and the numbers' change of type is told.
    CHECK(warnings.size() == 1);
    CHECK(warnings.front().find("column 'b' of the result of run query") == 0);
    CHECK(warnings.front().find("holds numbers and text (first text 'x' at row 1): read as categorical") != std::string::npos);

    // With no value to go by, the declared type decides.
    auto declared = c.get_data("empty_values");
    CHECK(declared["n"].type() == column_type::integer);
    CHECK(declared["x"].type() == column_type::numeric);
    CHECK(declared["s"].type() == column_type::categorical);
    CHECK(declared["n"].missing_count() == 2);
    CHECK(declared["x"].missing_count() == 2);

    auto none = c.get_data("SELECT * FROM empty_values WHERE n IS NOT NULL");
    CHECK(none.rows() == 0);
    CHECK(none["n"].type() == column_type::integer);
    CHECK(none["x"].type() == column_type::numeric);
}

TEST_CASE("sqlite_data_connector reports an unknown table and bad queries") {
    fixture f;
    auto c = f.connector();
    c.save_data(patients(), "patients");
    CHECK_THROWS_WITH_AS(c.get_data("patient"), doctest::Contains("cannot read table 'patient': no such table"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(c.get_data("DELETE FROM patients"), doctest::Contains("only reads are allowed"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(c.get_data("SELECT 1; SELECT 2"), doctest::Contains("more than one statement"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(c.get_data("SELECT 1 AS a, 2 AS a"), doctest::Contains("two columns named 'a'"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(c.get_data("SELECT x'00ff' AS bytes"), doctest::Contains("binary data at row 1"),
                         lolpop::error);
    CHECK(c.get_data("patients") == patients());
}

TEST_CASE("sqlite_data_connector does not create a missing database when reading") {
    fixture f;
    auto c = f.connector();
    CHECK_THROWS_WITH_AS(c.get_data("patients"), doctest::Contains("cannot open database"), lolpop::error);
    CHECK_FALSE(std::filesystem::exists(f.path));
}

TEST_CASE("sqlite_data_connector rejects an empty frame, target or path") {
    fixture f;
    auto c = f.connector();
    CHECK_THROWS_WITH_AS(c.save_data(frame(), "t"), doctest::Contains("a frame with no columns"), lolpop::error);
    CHECK_THROWS_WITH_AS(c.save_data(patients(), ""), doctest::Contains("target table name is empty"), lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::sqlite_data_connector({"", {}}, f.ctx), doctest::Contains("database path is empty"),
                         lolpop::error);
}

TEST_CASE("sqlite_data_connector keeps the data connector laws") {
    fixture f;
    auto c = f.connector();
    CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(c, "laws"));
}
