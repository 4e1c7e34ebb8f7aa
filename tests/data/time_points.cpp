#include <lolpop/core/error.hpp>
#include <lolpop/data/time_points.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::time_points;

namespace {

column text(std::vector<std::optional<std::string>> values) { return column::categorical("t", values); }

std::vector<std::string> texts(const column& c) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.to_string(r));
    return out;
}

const std::size_t all3[] = {0, 1, 2};

}  // namespace

TEST_CASE("ISO 8601 dates and date-times are seconds since 1970") {
    const time_points t(text({"1970-01-01", "1970-01-02", "2012-01-01", "1969-12-31"}), "time");
    CHECK(t.size() == 4);
    CHECK(t[0] == 0);
    CHECK(t[1] == 86400);
    CHECK(t[2] == 1325376000);  // date -u -d 2012-01-01 +%s
    CHECK(t[3] == -86400);

    const time_points dt(text({"2012-01-01T06:30", "2012-01-01 06:30:15", "2012-01-01T06:30:15Z", "2016-02-29T23:59:59"}), "time");
    CHECK(dt[0] == 1325376000 + 6 * 3600 + 30 * 60);
    CHECK(dt[1] == dt[0] + 15);
    CHECK(dt[2] == dt[1]);
    CHECK(dt[3] == 1456790399);  // date -u -d 2016-02-29T23:59:59 +%s
}

TEST_CASE("numbers are points as they are") {
    const time_points n(column::numeric("t", {2.5, -1, 10}), "time");
    CHECK(n[0] == 2.5);
    CHECK(n[1] == -1);
    const time_points i(column::integer("t", {2015, 2013, 2014}), "time");
    CHECK(i[0] == 2015);
    CHECK(i.order() == std::vector<std::size_t>{1, 2, 0});
}

TEST_CASE("order is chronological, not textual, and stable for equal times") {
    const time_points t(text({"2012-01-02", "2012-01-01T12:00", "2011-12-31", "2012-01-02T00:00:00"}), "time");
    CHECK(t.order() == std::vector<std::size_t>{2, 1, 0, 3});
}

TEST_CASE("shifted times keep the source's type and form") {
    const time_points dates(text({"2015-12-31", "2016-02-28", "1969-12-31"}), "time");
    CHECK(texts(dates.shifted("f", all3, 86400)) == std::vector<std::string>{"2016-01-01", "2016-02-29", "1970-01-01"});
    CHECK(texts(dates.shifted("f", all3, 7 * 86400)) == std::vector<std::string>{"2016-01-07", "2016-03-06", "1970-01-07"});
    // Not a whole number of days: the time of day must show.
    CHECK(texts(dates.shifted("f", all3, 3600)) ==
          std::vector<std::string>{"2015-12-31T01:00:00", "2016-02-28T01:00:00", "1969-12-31T01:00:00"});
    const column f = dates.shifted("forecast", std::vector<std::size_t>{2, 0}, 86400);
    CHECK(f.name() == "forecast");
    CHECK(f.type() == lolpop::column_type::categorical);
    CHECK(texts(f) == std::vector<std::string>{"1970-01-01", "2016-01-01"});

    const time_points hours(text({"2015-12-31T23:00", "2016-01-01 05:30:00", "2016-01-01T00:00:00Z"}), "time");
    CHECK(texts(hours.shifted("f", all3, 3600)) ==
          std::vector<std::string>{"2016-01-01T00:00:00", "2016-01-01T06:30:00", "2016-01-01T01:00:00"});

    const time_points years(column::integer("t", {2013, 2014, 2015}), "time");
    const column y = years.shifted("f", all3, 2);
    CHECK(y.type() == lolpop::column_type::integer);
    CHECK(y.integer_values()[2] == 2017);
    const time_points numbers(column::numeric("t", {0.5, 1.0, 1.5}), "time");
    CHECK(numbers.shifted("f", all3, 0.5).numeric_values()[2] == 2.0);
}

TEST_CASE("a missing time or text that is not ISO 8601 names the row") {
    auto error_for = [](std::vector<std::optional<std::string>> values) {
        return message_of([&] { time_points(text(values), "config.time_column 'date'"); });
    };
    CHECK(error_for({"2012-01-01", std::nullopt}) == "the time is missing (config.time_column 'date', row 2)");
    CHECK(error_for({"2012-02-30"}) ==
          "'2012-02-30' is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS) "
          "(config.time_column 'date', row 1)");
    for (const char* bad : {"2012-1-05", "01/02/2012", "2012-01-01T24:00", "2012-01-01T10:00+01:00", "2012-01-01T10:00:00.5",
                            "2012-01-01Z", "2012-01-01T10", "yesterday", ""})
        CHECK_MESSAGE(error_for({"2012-01-01", bad}).find("row 2") != std::string::npos, bad);
    CHECK(message_of([] { time_points(column::numeric("t", {1, std::nan("")}), "time"); }) == "the time is missing (time, row 2)");
}
