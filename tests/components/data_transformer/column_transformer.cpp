#include <lolpop/components/data_transformer/column_transformer.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::column_transformer;
using lolpop::column_type;
using lolpop::frame;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();
const std::string cars = LOLPOP_SOURCE_DIR "/examples/cars/data/cars.csv";

frame transformed(const column_transformer::config& cfg, const frame& data) {
    lolpop::context ctx;
    return column_transformer(cfg, ctx).transform(data);
}

std::string construction_error(const column_transformer::config& cfg) {
    lolpop::context ctx;
    return message_of([&] { column_transformer(cfg, ctx); });
}

std::string transform_error(const column_transformer::config& cfg, const frame& data) {
    return message_of([&] { (void)transformed(cfg, data); });
}

// One expression over a small frame: a = {2, 9, missing}, b = {3, -4, 1}, `mean radius` = {1, 2, 3}.
std::vector<double> derive(const std::string& expression) {
    const frame data({column::numeric("a", {2, 9, missing}), column::integer("b", {3, -4, 1}),
                      column::numeric("mean radius", {1, 2, 3})});
    column_transformer::config cfg;
    cfg.derive = {{"r", expression}};
    const frame out = transformed(cfg, data);
    const auto v = out["r"].numeric_values();
    return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("column_transformer applies select, drop, rename, derive and cast in order on cars.csv") {
    const frame data = lolpop::read_csv_file(cars);
    column_transformer::config cfg;
    cfg.select = {"Name", "Miles_per_Gallon", "Horsepower", "Weight_in_lbs", "Cylinders", "Origin"};
    cfg.drop = {"Name"};
    cfg.rename = {{"Miles_per_Gallon", "mpg"}};
    cfg.derive = {{"hp_per_ton", "Horsepower / (Weight_in_lbs / 2000)"}, {"log_weight", "log(Weight_in_lbs)"}};
    cfg.cast = {{"Cylinders", "categorical"}};
    const frame out = transformed(cfg, data);

    CHECK(out.names() == std::vector<std::string>{"mpg", "Horsepower", "Weight_in_lbs", "Cylinders", "Origin",
                                                  "hp_per_ton", "log_weight"});
    CHECK(out.rows() == data.rows());
    CHECK(out["mpg"].numeric_values()[0] == data["Miles_per_Gallon"].numeric_values()[0]);
    CHECK(out["Cylinders"].type() == column_type::categorical);
    CHECK(out["Cylinders"].to_string(0) == "8");

    const auto hp = data["Horsepower"].numeric_values();
    const auto weight = data["Weight_in_lbs"].integer_values();
    const auto hp_per_ton = out["hp_per_ton"].numeric_values();
    const auto log_weight = out["log_weight"].numeric_values();
    std::size_t missing_rows = 0;
    for (std::size_t r = 0; r < data.rows(); ++r) {
        CHECK(log_weight[r] == doctest::Approx(std::log(static_cast<double>(weight[r]))));
        if (std::isnan(hp[r])) {
            ++missing_rows;
            CHECK(std::isnan(hp_per_ton[r]));
        } else {
            CHECK(hp_per_ton[r] == doctest::Approx(hp[r] / (static_cast<double>(weight[r]) / 2000)));
        }
    }
    CHECK(missing_rows == data["Horsepower"].missing_count());
    CHECK(missing_rows > 0);
    // First car: chevrolet chevelle malibu, 130 hp, 3504 lbs.
    CHECK(hp_per_ton[0] == doctest::Approx(74.2009132));

    // Stateless: the same input gives the same output.
    lolpop::context ctx;
    const column_transformer t(cfg, ctx);
    CHECK(t.transform(data) == t.transform(data));
}

TEST_CASE("an empty configuration returns its input") {
    const frame data = lolpop::read_csv_file(cars);
    CHECK(transformed({}, data) == data);
}

TEST_CASE("derive follows arithmetic precedence") {
    CHECK(derive("1 + 2 * 3")[0] == 7);
    CHECK(derive("(1 + 2) * 3")[0] == 9);
    CHECK(derive("10 - 4 - 3")[0] == 3);
    CHECK(derive("12 / 3 / 2")[0] == 2);
    CHECK(derive("-2 ^ 2")[0] == -4);
    CHECK(derive("2 ^ 3 ^ 2")[0] == 512);
    CHECK(derive("2 ^ -1")[0] == 0.5);
    CHECK(derive("--3")[0] == 3);
    CHECK(derive(".5 + 1e3 + 2.5E-1")[0] == 1000.75);
}

TEST_CASE("derive evaluates columns, functions and missing values") {
    const auto product = derive("a * b");
    CHECK(product[0] == 6);
    CHECK(product[1] == -36);
    CHECK(std::isnan(product[2]));

    const auto quoted = derive("`mean radius` * 2 + b");
    CHECK(quoted == std::vector<double>{5, 0, 7});

    const auto f = derive("sqrt(a) + abs(b) + exp(0) + log(1)");
    CHECK(f[0] == doctest::Approx(std::sqrt(2.0) + 3 + 1));
    CHECK(f[1] == doctest::Approx(3 + 4 + 1));
    CHECK(std::isnan(f[2]));

    const auto lo = derive("min(a, b)");
    const auto hi = derive("max(a, b * 10)");
    CHECK(lo[0] == 2);
    CHECK(lo[1] == -4);
    CHECK(std::isnan(lo[2]));
    CHECK(hi[0] == 30);
    CHECK(hi[1] == 9);
    CHECK(std::isnan(hi[2]));

    // pow(x, 0) is 1 even for NaN; a missing input must still give a missing result.
    CHECK(std::isnan(derive("a ^ 0")[2]));
    // Results that are not numbers are missing; infinities are values.
    CHECK(std::isnan(derive("log(b)")[1]));
    CHECK(std::isinf(derive("a / 0")[0]));
}

TEST_CASE("derived columns may use each other and may replace a column") {
    const frame data({column::numeric("a", {1, 2}), column::integer("b", {10, 20})});
    column_transformer::config cfg;
    // "a_next" sorts before "z_base" but needs it first.
    cfg.derive = {{"z_base", "a * 2"}, {"a_next", "z_base + 1"}, {"b", "b / 10"}};
    const frame out = transformed(cfg, data);
    CHECK(out.names() == std::vector<std::string>{"a", "b", "z_base", "a_next"});
    CHECK(out["z_base"].numeric_values()[1] == 4);
    CHECK(out["a_next"].numeric_values()[1] == 5);
    CHECK(out["b"].type() == column_type::numeric);
    CHECK(out["b"].numeric_values()[1] == 2);
}

TEST_CASE("bad expressions are errors at construction naming the column and the position") {
    auto bad = [](const std::string& expression) {
        column_transformer::config cfg;
        cfg.derive = {{"ratio", expression}};
        return construction_error(cfg);
    };
    CHECK(bad("a +") ==
          "expected a number, a column or '(' but the expression ends at position 4 of 'a +' "
          "(column_transformer.derive.ratio)");
    CHECK(bad("(a + 1") == "expected ')' at position 7 of '(a + 1' (column_transformer.derive.ratio)");
    CHECK(bad("a $ b") == "unexpected '$' at position 3 of 'a $ b' (column_transformer.derive.ratio)");
    CHECK(bad("a * * b") ==
          "expected a number, a column or '(' but found '*' at position 5 of 'a * * b' "
          "(column_transformer.derive.ratio)");
    CHECK(bad("lg(a)") ==
          "unknown function 'lg' (did you mean 'log'?) at position 1 of 'lg(a)' (column_transformer.derive.ratio)");
    CHECK(bad("min(a)") == "min takes 2 arguments, got 1 at position 7 of 'min(a)' (column_transformer.derive.ratio)");
    CHECK(bad("1.2.3") == "'1.2.3' is not a number at position 1 of '1.2.3' (column_transformer.derive.ratio)");
    CHECK(bad("`mean radius") ==
          "unterminated `quoted` column name at position 1 of '`mean radius' (column_transformer.derive.ratio)");
    CHECK(bad("") ==
          "expected a number, a column or '(' but the expression ends at position 1 of '' "
          "(column_transformer.derive.ratio)");

    column_transformer::config cycle;
    cycle.derive = {{"x", "y + 1"}, {"y", "x * 2"}};
    CHECK(construction_error(cycle) == "derived columns 'y' and 'x' depend on each other (column_transformer.derive)");
}

TEST_CASE("other settings are checked at construction") {
    column_transformer::config cast;
    cast.cast = {{"Cylinders", "categorial"}};
    CHECK(construction_error(cast) ==
          "unknown column type 'categorial' (did you mean 'categorical'?) (column_transformer.cast.Cylinders)");
    column_transformer::config select;
    select.select = {"a", "b", "a"};
    CHECK(construction_error(select) == "'a' is selected twice (column_transformer.select)");
    column_transformer::config rename;
    rename.rename = {{"a", "x"}, {"b", "x"}};
    CHECK(construction_error(rename) == "two columns are renamed to 'x' (column_transformer.rename)");
    rename.rename = {{"a", ""}};
    CHECK(construction_error(rename) == "'a' is renamed to an empty name (column_transformer.rename)");
}

TEST_CASE("unknown columns are errors naming the setting with a suggestion") {
    const frame data = lolpop::read_csv_file(cars);
    column_transformer::config cfg;
    cfg.select = {"Name", "Horsepowr"};
    CHECK(transform_error(cfg, data) ==
          "no column named 'Horsepowr' (did you mean 'Horsepower'?) (column_transformer.select)");
    cfg = {};
    cfg.drop = {"Orign"};
    CHECK(transform_error(cfg, data) == "no column named 'Orign' (did you mean 'Origin'?) (column_transformer.drop)");
    cfg = {};
    cfg.rename = {{"Yaer", "year"}};
    CHECK(transform_error(cfg, data) == "no column named 'Yaer' (did you mean 'Year'?) (column_transformer.rename)");
    cfg = {};
    cfg.cast = {{"Cylinder", "numeric"}};
    CHECK(transform_error(cfg, data) ==
          "no column named 'Cylinder' (did you mean 'Cylinders'?) (column_transformer.cast)");
    cfg = {};
    cfg.derive = {{"x", "Horsepowr * 2"}};
    CHECK(transform_error(cfg, data) ==
          "no column named 'Horsepowr' (did you mean 'Horsepower'?) (column_transformer.derive.x)");
    // A dropped column is gone for the later steps.
    cfg = {};
    cfg.drop = {"Horsepower"};
    cfg.derive = {{"x", "Horsepower * 2"}};
    CHECK(transform_error(cfg, data) == "no column named 'Horsepower' (column_transformer.derive.x)");
}

TEST_CASE("type errors name the setting") {
    const frame data = lolpop::read_csv_file(cars);
    column_transformer::config cfg;
    cfg.derive = {{"x", "Origin + 1"}};
    CHECK(transform_error(cfg, data) ==
          "column 'Origin' is categorical; expressions need numeric or integer columns (column_transformer.derive.x)");
    cfg = {};
    cfg.cast = {{"Origin", "numeric"}};
    CHECK(transform_error(cfg, data) ==
          "'USA' in column 'Origin' (row 1) is not a number (column_transformer.cast.Origin)");
    cfg = {};
    cfg.cast = {{"Acceleration", "integer"}};
    CHECK(transform_error(cfg, data) ==
          "11.5 in column 'Acceleration' (row 2) is not a whole number (column_transformer.cast.Acceleration)");
}

TEST_CASE("rename swaps names but never makes two columns one name") {
    const frame data({column::numeric("a", {1}), column::numeric("b", {2}), column::numeric("c", {3})});
    column_transformer::config cfg;
    cfg.rename = {{"a", "b"}, {"b", "a"}};
    const frame swapped = transformed(cfg, data);
    CHECK(swapped.names() == std::vector<std::string>{"b", "a", "c"});
    CHECK(swapped["b"].numeric_values()[0] == 1);
    cfg.rename = {{"a", "c"}};
    CHECK(transform_error(cfg, data) == "renaming gives two columns named 'c' (column_transformer.rename)");
}
