#include <lolpop/components/data_splitter/time_ordered_splitter.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::time_ordered_splitter;

namespace {

const std::string seattle = LOLPOP_SOURCE_DIR "/examples/seattle_weather/data/seattle_weather.csv";

lolpop::data_split split(const time_ordered_splitter::config& cfg, const frame& data, const std::string& target = "temp_max") {
    lolpop::context ctx;
    return time_ordered_splitter(cfg, ctx).split_data(data, target);
}

std::vector<std::string> dates(const lolpop::labeled_data& part) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < part.X.rows(); ++r) out.push_back(part.X["date"].to_string(r));
    return out;
}

}  // namespace

TEST_CASE("time_ordered_splitter trains on the past and tests on the most recent rows, in order") {
    const frame data = lolpop::read_csv_file(seattle);
    REQUIRE(data.rows() == 1401);
    const auto s = split({.train_ratio = 0.7, .valid_ratio = 0.1, .test_ratio = 0.2, .time_column = ""}, data);
    CHECK(s.train.X.rows() == 981);  // llround(1401 * 0.7)
    CHECK(s.valid.X.rows() == 140);  // llround(1401 * 0.8) - 981
    CHECK(s.test.X.rows() == 280);
    CHECK_FALSE(s.train.X.has("temp_max"));
    CHECK(s.train.y.name() == "temp_max");

    // The parts are consecutive stretches of the file: nothing is shuffled.
    std::vector<std::string> all = dates(s.train), valid = dates(s.valid), test = dates(s.test);
    all.insert(all.end(), valid.begin(), valid.end());
    all.insert(all.end(), test.begin(), test.end());
    CHECK(all == dates({data, data["temp_max"]}));
    CHECK(dates(s.train).back() == "2014-09-07");
    CHECK(dates(s.valid).front() == "2014-09-08");
    CHECK(dates(s.test).front() == "2015-01-26");
    CHECK(dates(s.test).back() == "2015-11-01");
    CHECK(s.test.y.as_double(0) == data["temp_max"].as_double(1121));
}

TEST_CASE("time_ordered_splitter sorts by its time column, which stays a feature") {
    const frame data = lolpop::read_csv_file(seattle);
    // The same rows, newest first.
    std::vector<std::size_t> reversed(data.rows());
    std::iota(reversed.rbegin(), reversed.rend(), std::size_t{0});
    const frame shuffled = data.take(reversed);

    const auto sorted = split({.train_ratio = 0.8, .valid_ratio = 0.0, .test_ratio = 0.2, .time_column = "date"}, shuffled);
    const auto in_order = split({}, data);
    CHECK(sorted.train.X == in_order.train.X);
    CHECK(sorted.test.X == in_order.test.X);
    CHECK(sorted.test.y == in_order.test.y);
    CHECK(sorted.train.X.has("date"));
    const auto train_dates = dates(sorted.train), test_dates = dates(sorted.test);
    CHECK(std::is_sorted(train_dates.begin(), train_dates.end()));
    CHECK(train_dates.back() < test_dates.front());

    // Numbers sort as numbers; rows at one time keep their order.
    const frame numbers({column::integer("t", {10, 9, 100, 9}), column::numeric("y", {1, 2, 3, 4})});
    const auto n = split({.train_ratio = 0.5, .valid_ratio = 0.25, .test_ratio = 0.25, .time_column = "t"}, numbers, "y");
    CHECK(n.train.y == column::numeric("y", {2, 4}));
    CHECK(n.valid.y == column::numeric("y", {1}));
    CHECK(n.test.y == column::numeric("y", {3}));
}

TEST_CASE("time_ordered_splitter rejects bad ratios, columns, targets and times") {
    lolpop::context ctx;
    CHECK(message_of([&] { time_ordered_splitter({.train_ratio = 0.9, .valid_ratio = 0.0, .test_ratio = 0.2, .time_column = ""}, ctx); }) ==
          "train_ratio + valid_ratio + test_ratio must be 1, got 1.1 (time_ordered_splitter)");
    CHECK(message_of([&] { time_ordered_splitter({.train_ratio = 0.0, .valid_ratio = 0.5, .test_ratio = 0.5, .time_column = ""}, ctx); }) ==
          "train_ratio must be above 0: a model needs training rows (time_ordered_splitter.train_ratio)");

    const frame data = lolpop::read_csv_file(seattle);
    CHECK(message_of([&] { (void)split({.train_ratio = 0.8, .valid_ratio = 0, .test_ratio = 0.2, .time_column = "day"}, data); }) ==
          "time_column 'day' is not a column of the data (did you mean 'date'?) (time_ordered_splitter.time_column)");
    CHECK(message_of([&] { (void)split({}, data, "temp_maks"); }) ==
          "the target 'temp_maks' is not a column of the data (did you mean 'temp_max'?) (time_ordered_splitter)");

    const frame gaps({column::categorical("date", {"2015-01-01", "2015-01-02", "2015-01-03"}),
                      column::integer("y", {1, 0, 1}, {true, false, true})});
    CHECK(message_of([&] { (void)split({}, gaps, "y"); }) == "the target 'y' is missing in row 2 (time_ordered_splitter)");
    const frame bad_time({column::categorical("date", {"2015-01-01", "2015-13-01"}), column::numeric("y", {1, 2})});
    CHECK(message_of([&] { (void)split({.train_ratio = 0.5, .valid_ratio = 0, .test_ratio = 0.5, .time_column = "date"}, bad_time, "y"); }) ==
          "'2015-13-01' is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS) "
          "(time_ordered_splitter.time_column 'date', row 2)");
}

TEST_CASE("time_ordered_splitter logs the sizes of the parts it made") {
    const frame data = lolpop::read_csv_file(seattle);
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> logged;
    ctx.set_logger([&](lolpop::log_level level, std::string_view m) { logged.emplace_back(level, m); });
    const auto s = time_ordered_splitter({.train_ratio = 0.7, .valid_ratio = 0.1, .test_ratio = 0.2, .time_column = ""}, ctx)
                       .split_data(data, "temp_max");
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].first == lolpop::log_level::info);
    const lolpop::split_sizes sizes = lolpop::sizes_of(s);
    CHECK(sizes.train == s.train.X.rows());
    CHECK(sizes.valid == s.valid.X.rows());
    CHECK(sizes.test == s.test.X.rows());
    CHECK(sizes.train + sizes.valid + sizes.test == data.rows());
    CHECK(logged[0].second == "time_ordered_splitter: split " + std::to_string(data.rows()) + " rows: train " +
                                  std::to_string(sizes.train) + ", valid " + std::to_string(sizes.valid) + ", test " +
                                  std::to_string(sizes.test));
}
