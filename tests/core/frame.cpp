#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::column_type;
using lolpop::frame;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

frame people() {
    return frame({column::numeric("height", {1.8, missing, 1.65}),
                  column::integer("age", {34, 0, 51}, {true, false, true}),
                  column::categorical("city", {"Oslo", std::nullopt, "Lima"})});
}

}  // namespace

TEST_CASE("column types have names that parse back") {
    for (auto t : {column_type::numeric, column_type::integer, column_type::categorical})
        CHECK(lolpop::parse_column_type(lolpop::to_string(t), "x") == t);
    CHECK(message_of([] { (void)lolpop::parse_column_type("integr", "cast.age"); }) ==
          "unknown column type 'integr' (did you mean 'integer'?) (cast.age)");
    CHECK(message_of([] { (void)lolpop::parse_column_type("text", "cast.age"); }) ==
          "unknown column type 'text' (expected numeric, integer or categorical) (cast.age)");
}

TEST_CASE("columns keep values and missingness per type") {
    const frame f = people();
    CHECK(f.rows() == 3);
    CHECK(f.cols() == 3);
    CHECK(f.names() == std::vector<std::string>{"height", "age", "city"});

    const column& h = f["height"];
    CHECK(h.type() == column_type::numeric);
    CHECK(h.is_missing(1));
    CHECK(h.missing_count() == 1);
    CHECK(h.as_double(2) == 1.65);
    CHECK(h.to_string(0) == "1.8");
    CHECK(h.to_string(1).empty());

    const column& a = f["age"];
    CHECK(a.integer_values()[2] == 51);
    CHECK(a.is_missing(1));
    CHECK(std::isnan(a.as_double(1)));
    CHECK(a.to_string(0) == "34");

    const column& c = f["city"];
    CHECK(c.categories() == std::vector<std::string>{"Oslo", "Lima"});
    CHECK(c.codes()[0] == 0);
    CHECK(c.codes()[1] == -1);
    CHECK(c.codes()[2] == 1);
    CHECK(c.as_double(2) == 1.0);
    CHECK(c.to_string(2) == "Lima");
    CHECK(c.code_of("Lima") == 1);
    CHECK(c.code_of("Rome") == -1);

    CHECK(message_of([&] { (void)c.numeric_values(); }) == "column 'city' is categorical, not numeric");
    CHECK(message_of([&] { (void)h.is_missing(3); }) == "row 3 is out of range for column 'height' with 3 rows");
}

TEST_CASE("columns grow by pushing values") {
    column n("x", column_type::numeric);
    n.push_numeric(2.5);
    n.push_missing();
    CHECK(n.size() == 2);
    CHECK(n.is_missing(1));

    column i("k", column_type::integer);
    i.push_integer(7);
    i.push_integer(std::nullopt);
    i.push_missing();
    CHECK(i.size() == 3);
    CHECK(i.missing_count() == 2);
    CHECK(i.integer_values()[0] == 7);

    column c("c", column_type::categorical);
    c.push_category("b");
    c.push_category("a");
    c.push_category("b");
    c.push_category(std::nullopt);
    CHECK(c.categories() == std::vector<std::string>{"b", "a"});
    CHECK(std::vector<std::int32_t>(c.codes().begin(), c.codes().end()) == std::vector<std::int32_t>{0, 1, 0, -1});

    CHECK(message_of([&] { n.push_integer(1); }) == "column 'x' is numeric, not integer");
    CHECK(message_of([] {
              (void)column::integer("k", {1, 2}, {true});
          }) == "column 'k' has 2 values but 1 validity flags");
}

TEST_CASE("take picks rows in order, repeats allowed, and keeps categories") {
    const frame f = people();
    const std::vector<std::size_t> rows = {2, 0, 2};
    const frame t = f.take(rows);
    CHECK(t.rows() == 3);
    CHECK(t["height"].numeric_values()[0] == 1.65);
    CHECK(t["age"].integer_values()[1] == 34);
    CHECK(t["city"].to_string(2) == "Lima");
    CHECK(t["city"].categories() == f["city"].categories());
    const std::vector<std::size_t> bad = {3};
    CHECK(message_of([&] { (void)f.take(bad); }) == "row 3 is out of range for column 'height' with 3 rows");
}

TEST_CASE("cast converts by the documented rules") {
    const column whole = column::numeric("v", {1.0, missing, -3.0});
    const column as_int = whole.cast(column_type::integer);
    CHECK(as_int.type() == column_type::integer);
    CHECK(as_int.integer_values()[2] == -3);
    CHECK(as_int.is_missing(1));
    CHECK(as_int.cast(column_type::numeric) == whole);

    CHECK(message_of([] {
              (void)column::numeric("v", {1.0, 8.5}).cast(column_type::integer);
          }) == "8.5 in column 'v' (row 2) is not a whole number");
    CHECK(message_of([] { (void)column::numeric("v", {1e300}).cast(column_type::integer); }) ==
          "1e+300 in column 'v' (row 1) is not a whole number");

    const column labels = column::numeric("v", {1.5, missing, 2.0}).cast(column_type::categorical);
    CHECK(labels.type() == column_type::categorical);
    CHECK(labels.categories() == std::vector<std::string>{"1.5", "2"});
    CHECK(labels.is_missing(1));

    const column text = column::categorical("t", {"3", std::nullopt, " 4.25", "+2"});
    const column back = text.cast(column_type::numeric);
    CHECK(back.numeric_values()[0] == 3.0);
    CHECK(std::isnan(back.numeric_values()[1]));
    CHECK(back.numeric_values()[2] == 4.25);
    CHECK(back.numeric_values()[3] == 2.0);

    const column ints = column::categorical("t", {"9007199254740993", "2.0"}).cast(column_type::integer);
    CHECK(ints.integer_values()[0] == 9007199254740993);  // exact, beyond double precision
    CHECK(ints.integer_values()[1] == 2);
    CHECK(message_of([] {
              (void)column::categorical("t", {"1", "abc"}).cast(column_type::numeric);
          }) == "'abc' in column 't' (row 2) is not a number");
    CHECK(message_of([] { (void)column::categorical("t", {"2.5"}).cast(column_type::integer); }) ==
          "'2.5' in column 't' (row 1) is not a whole number");
    CHECK(message_of([] { (void)column::categorical("t", {"x"}).cast(column_type::integer); }) ==
          "'x' in column 't' (row 1) is not a number");
}

TEST_CASE("equality compares names, types, values and missingness") {
    CHECK(people() == people());
    CHECK(column::numeric("a", {1, missing}) == column::numeric("a", {1, missing}));
    CHECK_FALSE(column::numeric("a", {1, missing}) == column::numeric("b", {1, missing}));
    CHECK_FALSE(column::numeric("a", {1, missing}) == column::numeric("a", {1, 2}));
    CHECK_FALSE(column::numeric("a", {1, 2}) == column::numeric("a", {1, 2.5}));
    CHECK_FALSE(column::numeric("a", {1, 2}) == column::integer("a", {1, 2}));
    CHECK(column::integer("a", {1, 5}, {true, false}) == column::integer("a", {1, 0}, {true, false}));
    CHECK_FALSE(column::integer("a", {1, 0}, {true, false}) == column::integer("a", {1, 0}));

    // The same labels met in another order have other codes but are the same data.
    column x("c", column_type::categorical), y("c", column_type::categorical);
    y.push_category("b");
    y.push_category(std::nullopt);
    x.push_category("b");
    x.push_missing();
    CHECK(x == y);
    const column p = column::categorical("c", {"a", "b"});
    column q("c", column_type::categorical);
    q.push_category("z");
    q.push_category("a");
    q.push_category("b");
    const std::vector<std::size_t> tail = {1, 2};
    CHECK(p == q.take(tail));
    CHECK_FALSE(p == column::categorical("c", {"a", std::nullopt}));

    frame reordered({column::integer("age", {34, 0, 51}, {true, false, true}),
                     column::numeric("height", {1.8, missing, 1.65}),
                     column::categorical("city", {"Oslo", std::nullopt, "Lima"})});
    CHECK_FALSE(people() == reordered);
}

TEST_CASE("frames look columns up by name and suggest close names") {
    frame f = people();
    CHECK(f.has("age"));
    CHECK_FALSE(f.has("Age"));
    CHECK(message_of([&] { (void)f["hieght"]; }) == "no column named 'hieght' (did you mean 'height'?)");
    CHECK(message_of([&] { (void)f["weight_in_kilograms"]; }) == "no column named 'weight_in_kilograms'");

    f["height"].rename("h");
    CHECK(f.names() == std::vector<std::string>{"h", "age", "city"});

    CHECK(message_of([&] {
              f.add(column::numeric("w", {1, 2}));
          }) == "column 'w' has 2 rows, expected 3 like column 'h'");
    CHECK(message_of([&] { f.add(column::numeric("age", {1, 2, 3})); }) == "a column named 'age' already exists");
    f.add(column::numeric("w", {70, 80, 90}));
    CHECK(f.cols() == 4);

    const column city = f.extract("city");
    CHECK(city.to_string(0) == "Oslo");
    CHECK_FALSE(f.has("city"));
    f.remove("w");
    CHECK(f.names() == std::vector<std::string>{"h", "age"});
    CHECK(message_of([&] { f.remove("agee"); }) == "no column named 'agee' (did you mean 'age'?)");
}

TEST_CASE("select keeps the given order, drop removes") {
    const frame f = people();
    const std::vector<std::string> pick = {"city", "height"};
    const frame s = f.select(pick);
    CHECK(s.names() == pick);
    CHECK(s["city"] == f["city"]);

    const std::vector<std::string> gone = {"age"};
    CHECK(f.drop(gone).names() == std::vector<std::string>{"height", "city"});

    const std::vector<std::string> unknown = {"cty"};
    CHECK(message_of([&] { (void)f.select(unknown); }) == "no column named 'cty' (did you mean 'city'?)");
    CHECK(message_of([&] { (void)f.drop(unknown); }) == "no column named 'cty' (did you mean 'city'?)");
    const std::vector<std::string> twice = {"age", "age"};
    CHECK(message_of([&] { (void)f.select(twice); }) == "a column named 'age' already exists");
}

TEST_CASE("categorical columns build from codes and categories") {
    const column c = column::categorical("city", {1, -1, 0, 1}, {"Oslo", "Lima"});
    CHECK(c.size() == 4);
    CHECK(c.is_missing(1));
    CHECK(c.to_string(0) == "Lima");
    CHECK(c.to_string(2) == "Oslo");
    CHECK(c == column::categorical("city", {"Lima", std::nullopt, "Oslo", "Lima"}));
    CHECK(message_of([] { (void)column::categorical("city", {0, 2}, {"Oslo", "Lima"}); }) ==
          "column 'city' has code 2 at row 1, outside [-1, 2)");
    CHECK(message_of([] { (void)column::categorical("city", {-2}, {"Oslo"}); }) ==
          "column 'city' has code -2 at row 0, outside [-1, 1)");
}

TEST_CASE("view columns read memory in place and copy it before changing") {
    auto memory = std::make_shared<std::vector<double>>(std::vector<double>{1.5, missing, 3.0});
    column viewed = column::numeric_view("x", *memory, memory);
    CHECK(viewed.numeric_values().data() == memory->data());
    CHECK(viewed.missing_count() == 1);
    CHECK(viewed == column::numeric("x", {1.5, missing, 3.0}));

    // Copies view the same memory; a push copies the values first and leaves the memory alone.
    column copy = viewed;
    CHECK(copy.numeric_values().data() == memory->data());
    copy.push_numeric(4.0);
    CHECK(copy.numeric_values().data() != memory->data());
    CHECK(copy.size() == 4);
    CHECK(memory->size() == 3);
    CHECK(viewed.size() == 3);

    // The owner keeps the memory alive after the caller lets go of it.
    const double* where = memory->data();
    memory.reset();
    CHECK(viewed.numeric_values().data() == where);
    CHECK(viewed.as_double(2) == 3.0);
    const column taken = viewed.take(std::vector<std::size_t>{2, 0});
    CHECK(taken == column::numeric("x", {3.0, 1.5}));

    // Without an owner nothing would keep the memory alive, so it is copied.
    const std::vector<double> values{1.0, 2.0};
    CHECK(column::numeric_view("y", values, nullptr).numeric_values().data() != values.data());
}

TEST_CASE("integer and categorical views check what their type requires") {
    auto ints = std::make_shared<std::vector<std::int64_t>>(std::vector<std::int64_t>{7, 0, -2});
    const column i = column::integer_view("n", *ints, {true, false, true}, ints);
    CHECK(i.integer_values().data() == ints->data());
    CHECK(i == column::integer("n", {7, 0, -2}, {true, false, true}));
    CHECK(message_of([&] { (void)column::integer_view("n", *ints, {false, true, true}, ints); }) ==
          "column 'n' holds 7 in row 1, which is missing (expected 0)");
    CHECK(message_of([&] { (void)column::integer_view("n", *ints, {true}, ints); }) ==
          "column 'n' has 3 values but 1 validity flags");

    auto codes = std::make_shared<std::vector<std::int32_t>>(std::vector<std::int32_t>{1, -1, 0, 1});
    column c = column::categorical_view("city", *codes, {"Oslo", "Lima"}, codes);
    CHECK(c.codes().data() == codes->data());
    CHECK(c.to_string(0) == "Lima");
    CHECK(c.is_missing(1));
    c.push_category("Pune");
    CHECK(c.categories() == std::vector<std::string>{"Oslo", "Lima", "Pune"});
    CHECK((*codes)[0] == 1);
    CHECK(c.codes()[4] == 2);

    (*codes)[2] = 2;
    CHECK(message_of([&] { (void)column::categorical_view("city", *codes, {"Oslo", "Lima"}, codes); }) ==
          "column 'city' has code 2 in row 3, outside -1..1");
    CHECK(message_of([&] { (void)column::categorical_view("city", *codes, {"Oslo", "Oslo", "Lima"}, codes); }) ==
          "column 'city' lists category 'Oslo' twice");
}
