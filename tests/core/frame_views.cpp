#include <lolpop/core/frame.hpp>
#include <lolpop/core/frame_views.hpp>

#include <doctest/doctest.h>
#include <range/v3/range/conversion.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

frame people() {
    return frame({column::numeric("height", {1.8, missing, 1.65}),
                  column::integer("age", {34, 0, 51}, {true, false, true}),
                  column::categorical("city", {"Oslo", std::nullopt, "Lima"})});
}

}  // namespace

TEST_CASE("column_names views the names in column order without copying them") {
    const frame f = people();
    CHECK((lolpop::views::column_names(f) | ranges::to<std::vector<std::string>>()) ==
          std::vector<std::string>{"height", "age", "city"});
    CHECK(&*lolpop::views::column_names(f).begin() == &f.columns().front().name());
    CHECK(ranges::to<std::vector<std::string>>(lolpop::views::column_names(frame{})).empty());
}

TEST_CASE("present_rows skips the missing values of every column type") {
    const frame f = people();
    for (const column& c : f.columns())
        CHECK((lolpop::views::present_rows(c) | ranges::to<std::vector>()) == std::vector<std::size_t>{0, 2});
    const column none = column::numeric("x", {missing, missing});
    CHECK(ranges::to<std::vector>(lolpop::views::present_rows(none)).empty());
}

TEST_CASE("as_doubles gives column::as_double row by row") {
    const frame f = people();
    for (const column& c : f.columns()) {
        const auto values = lolpop::views::as_doubles(c) | ranges::to<std::vector>();
        REQUIRE(values.size() == c.size());
        for (std::size_t r = 0; r < c.size(); ++r) {
            if (c.is_missing(r))
                CHECK(std::isnan(values[r]));
            else
                CHECK(values[r] == c.as_double(r));
        }
    }
    CHECK((lolpop::views::as_doubles(f["city"]) | ranges::to<std::vector>())[2] == 1.0);
}
