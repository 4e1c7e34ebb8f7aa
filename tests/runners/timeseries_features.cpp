// covers: lolpop/pipelines/model_rows.hpp
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/runners/timeseries_features.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::timeseries_features;

namespace {

const std::string seattle = LOLPOP_SOURCE_DIR "/examples/seattle_weather/data/seattle_weather.csv";

// Ten days, y = day², listed out of order; x is an observation of the same day.
frame ten_days() {
    const int order[] = {3, 0, 9, 1, 2, 8, 4, 5, 7, 6};
    std::vector<std::optional<std::string>> dates;
    std::vector<double> y, x;
    for (int d : order) {
        dates.emplace_back("2024-01-" + std::string(d < 9 ? "0" : "") + std::to_string(d + 1));
        y.push_back((d + 1.0) * (d + 1.0));
        x.push_back(100.0 + d);
    }
    return frame({column::categorical("date", dates), column::numeric("x", x), column::numeric("y", y)});
}

double y_of_day(std::size_t d) { return (d + 1.0) * (d + 1.0); }

std::vector<double> values(const column& c) {
    std::vector<double> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.as_double(r));
    return out;
}

std::vector<std::string> texts(const column& c) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.to_string(r));
    return out;
}

double sample_std(std::vector<double> v) {
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double s = 0;
    for (double x : v) s += (x - mean) * (x - mean);
    return std::sqrt(s / static_cast<double>(v.size() - 1));
}

}  // namespace

TEST_CASE("each row in time order is a forecast origin with lags, rolling statistics and the label horizon steps later") {
    const timeseries_features features("y", "date", {1, 3}, {3}, 1);
    CHECK(features.history() == 2);  // lag 3 reads two rows back, the 3-row window too
    const lolpop::model_rows rows = features(ten_days());

    CHECK(rows.data.names() == std::vector<std::string>{"x", "y_lag_1", "y_lag_3", "y_mean_3", "y_std_3", "y"});
    CHECK(rows.annotations.names() == std::vector<std::string>{"date", "forecast_date"});
    REQUIRE(rows.data.rows() == 8);  // days 3..10; days 1 and 2 are history only
    CHECK(texts(rows.annotations["date"]).front() == "2024-01-03");
    CHECK(texts(rows.annotations["date"]).back() == "2024-01-10");
    CHECK(texts(rows.annotations["forecast_date"]).front() == "2024-01-04");
    CHECK(texts(rows.annotations["forecast_date"]).back() == "2024-01-11");

    for (std::size_t j = 0; j < 8; ++j) {
        const std::size_t t = j + 2;  // the origin's day, 0-based
        INFO("origin day ", t + 1);
        CHECK(rows.data["x"].as_double(j) == 100.0 + static_cast<double>(t));
        CHECK(rows.data["y_lag_1"].as_double(j) == y_of_day(t));      // the origin's own value
        CHECK(rows.data["y_lag_3"].as_double(j) == y_of_day(t - 2));  // 3 days before the day forecast
        CHECK(rows.data["y_mean_3"].as_double(j) == doctest::Approx((y_of_day(t - 2) + y_of_day(t - 1) + y_of_day(t)) / 3));
        CHECK(rows.data["y_std_3"].as_double(j) == doctest::Approx(sample_std({y_of_day(t - 2), y_of_day(t - 1), y_of_day(t)})));
        if (t + 1 < 10)
            CHECK(rows.data["y"].as_double(j) == y_of_day(t + 1));
        else
            CHECK(rows.data["y"].is_missing(j));  // the last day's tomorrow is unknown
    }
}

TEST_CASE("no feature of an origin reads a target after it: changing the future changes only labels") {
    const timeseries_features features("y", "date", {2, 3, 5}, {2, 4}, 2);
    const frame data = ten_days();
    const lolpop::model_rows base = features(data);
    REQUIRE(base.data.rows() == 7);  // history 3 (lag 5 with horizon 2, and the 4-row window)

    // Days are listed out of order in the frame; find each day's row to overwrite it.
    const column& dates = data["date"];
    for (std::size_t origin = 3; origin < 10; ++origin) {
        frame changed({data["date"], data["x"]});
        std::vector<double> y = values(data["y"]);
        for (std::size_t r = 0; r < y.size(); ++r)
            if (std::stoi(dates.to_string(r).substr(8)) - 1 > static_cast<int>(origin)) y[r] = -1000.0 - static_cast<double>(r);
        changed.add(column::numeric("y", y));
        const lolpop::model_rows after = features(changed);
        const std::size_t j = origin - 3;
        INFO("origin day ", origin + 1);
        for (const column& c : base.data.columns()) {
            if (c.name() == "y") continue;
            for (std::size_t k = 0; k <= j; ++k) CHECK(after.data[c.name()].as_double(k) == c.as_double(k));
        }
        if (origin + 2 < 10) CHECK(after.data["y"].as_double(j) != base.data["y"].as_double(j));
    }
    // With horizon 2, lag 2 is the origin's own value and the label two days later.
    CHECK(base.data["y_lag_2"].as_double(0) == y_of_day(3));
    CHECK(base.data["y_lag_5"].as_double(0) == y_of_day(0));
    CHECK(base.data["y"].as_double(0) == y_of_day(5));
    CHECK(texts(base.annotations["forecast_date"]).front() == "2024-01-06");
}

TEST_CASE("features depend only on the trailing history, so predict data featurizes like the training data") {
    const frame all = lolpop::read_csv_file(seattle);
    const timeseries_features features("temp_max", "date", {1, 2, 7}, {7, 30}, 1);
    REQUIRE(features.history() == 29);
    const lolpop::model_rows whole = features(all);

    // The last 60 days on their own, as a predict file holds them.
    std::vector<std::size_t> tail(60);
    std::iota(tail.begin(), tail.end(), all.rows() - 60);
    const lolpop::model_rows recent = features(all.take(tail));
    REQUIRE(recent.data.rows() == 31);
    const std::size_t offset = whole.data.rows() - 31;
    for (const column& c : recent.data.columns()) {
        INFO(c.name());
        for (std::size_t r = 0; r < c.size(); ++r) CHECK(c.to_string(r) == whole.data[c.name()].to_string(offset + r));
    }
    CHECK(texts(recent.annotations["date"]).front() == texts(whole.annotations["date"])[offset]);
}

TEST_CASE("gaps in the target stay missing; numeric time columns step by their most common interval") {
    std::vector<double> y = {1, 2, NAN, 4, 5, 6};
    const frame data({column::integer("t", {10, 20, 30, 40, 50, 70}), column::numeric("y", y)});
    const lolpop::model_rows rows = timeseries_features("y", "t", {1, 2}, {2}, 1)(data);
    REQUIRE(rows.data.rows() == 5);
    CHECK(rows.data["y_lag_1"].is_missing(1));           // origin t=30 reads its own missing value
    CHECK(rows.data["y_mean_2"].as_double(1) == 2.0);    // the present value of the window
    CHECK(rows.data["y_std_2"].is_missing(1));           // one value has no deviation
    CHECK(rows.data["y"].is_missing(0));                 // the label of t=20 is the missing one
    CHECK(rows.annotations["forecast_t"].type() == lolpop::column_type::integer);
    CHECK(values(rows.annotations["forecast_t"]) == std::vector<double>{30, 40, 50, 60, 80});
}

TEST_CASE("bad settings name the setting") {
    auto error_for = [](std::vector<double> lags, std::vector<double> windows, int horizon, std::string time = "date") {
        return message_of([&] { timeseries_features("y", time, lags, windows, horizon); });
    };
    CHECK(error_for({1}, {}, 1) == "no error");
    CHECK(error_for({1}, {}, 0) == "horizon must be at least 1 step, got 0 (config.horizon)");
    CHECK(error_for({1, 7}, {}, 2) ==
          "lag 1 is below the horizon 2: it would read the target after the forecast origin (a lag counts back from "
          "the time forecast) (config.lags)");
    CHECK(error_for({1.5}, {}, 1) == "lags must be whole numbers from 1 to 1000000, got 1.5 (config.lags)");
    CHECK(error_for({0}, {}, 1) == "lags must be whole numbers from 1 to 1000000, got 0 (config.lags)");
    CHECK(error_for({2, 2}, {}, 1) == "lags lists 2 twice (config.lags)");
    CHECK(error_for({1}, {1}, 1) == "rolling_windows must be whole numbers from 2 to 1000000, got 1 (config.rolling_windows)");
    CHECK(error_for({1}, {}, 1, "") == "time_column is not set (config.time_column)");
    CHECK(error_for({1}, {}, 1, "y") == "time_column and model_target are both 'y' (config.time_column)");
    CHECK(message_of([] { timeseries_features("", "date", {1}, {}, 1); }) == "model_target is not set (config.model_target)");
}

TEST_CASE("bad data names the column, the row or the history it lacks") {
    const timeseries_features features("y", "date", {1, 3}, {3}, 1);
    const frame data = ten_days();
    CHECK(message_of([&] { (void)timeseries_features("y", "day", {1}, {}, 1)(data); }) ==
          "time_column 'day' is not a column of the data (did you mean 'date'?) (config.time_column)");
    CHECK(message_of([&] { (void)timeseries_features("temperature", "date", {1}, {}, 1)(data); }) ==
          "model_target 'temperature' is not a column of the data (config.model_target)");
    CHECK(message_of([&] { (void)timeseries_features("date", "x", {1}, {}, 1)(data); }) ==
          "model_target 'date' holds categories; a forecast needs numbers (config.model_target)");

    const frame repeated({column::categorical("date", {"2024-01-01", "2024-01-02", "2024-01-01", "2024-01-03"}),
                          column::numeric("y", {1, 2, 3, 4})});
    CHECK(message_of([&] { (void)features(repeated); }) ==
          "rows 1 and 3 are at the same time '2024-01-01': a series has one row per time (config.time_column 'date')");
    const frame bad_date({column::categorical("date", {"2024-01-01", "Jan 2"}), column::numeric("y", {1, 2})});
    CHECK(message_of([&] { (void)features(bad_date); }) ==
          "'Jan 2' is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS) (config.time_column 'date', row 2)");

    std::vector<std::size_t> first_two = {1, 3};  // days 1 and 2
    CHECK(message_of([&] { (void)features(data.take(first_two)); }) ==
          "2 rows are too few: the lags and rolling windows need 2 rows of history before the first row to forecast "
          "from, and the step of the series two rows (config.lags, config.rolling_windows)");
    std::vector<std::size_t> first_three = {1, 3, 4};
    CHECK(features(data.take(first_three)).data.rows() == 1);

    const frame clash({data["date"], data["y"], column::numeric("y_lag_1", values(data["x"]))});
    CHECK(message_of([&] { (void)features(clash); }) ==
          "the data already has a column 'y_lag_1', the name of a generated feature (config.lags)");
}
