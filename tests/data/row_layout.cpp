#include <lolpop/data/row_layout.hpp>

#include <doctest/doctest.h>

#include <cmath>

using namespace lolpop;

TEST_CASE("a frame's row layout and its columns as row values") {
    const frame X({column::numeric("x", {1.5, std::nan("")}), column::integer("n", {7, 0}, {true, false}),
                   column::categorical("c", {std::nullopt, "b"})});
    const row_layout layout = layout_of(X);
    REQUIRE(layout.size() == 3);
    CHECK(layout[0] == layout_column{"x", column_type::numeric, {}});
    CHECK(layout[2] == layout_column{"c", column_type::categorical, {"b"}});

    const auto n = row_values(X["n"]);
    CHECK(n[0] == 7.0);
    CHECK(std::isnan(n[1]));
    const auto c = row_values(X["c"]);
    CHECK(std::isnan(c[0]));
    CHECK(c[1] == 0.0);
    CHECK(std::isnan(row_values(X["x"])[1]));
}
