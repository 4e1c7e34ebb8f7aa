#include <lolpop/analysis/column_profile.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::column_profile;
using lolpop::frame;

namespace {

// tests/fixtures/statistics_reference.py wrote it with pandas and numpy: dataset.column.statistic -> text.
std::map<std::string, std::string> reference_values() {
    const frame values = lolpop::read_csv_file(LOLPOP_TEST_DATA "/column_profile_reference.csv",
                                               {',', {{"value", "categorical"}}});
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < values.rows(); ++i)
        out[values["dataset"].to_string(i) + "." + values["column"].to_string(i) + "." + values["statistic"].to_string(i)] =
            values["value"].to_string(i);
    return out;
}

std::string histogram_text(const column_profile& p) {
    std::string out;
    for (const auto& b : p.histogram) {
        if (!out.empty()) out += ' ';
        out += std::to_string(b.count);
    }
    return out;
}

std::string top_text(const column_profile& p) {
    std::string out;
    for (const auto& v : p.top_values) {
        if (!out.empty()) out += '|';
        out += v.value + "=" + std::to_string(v.count);
    }
    return out;
}

void check_against_reference(const std::string& dataset, const frame& data) {
    const auto expected = reference_values();
    const auto at = [&](const std::string& key) {
        const auto it = expected.find(key);
        REQUIRE_MESSAGE(it != expected.end(), "no reference value for " << key);
        return it->second;
    };
    const auto close = [](double ours, const std::string& theirs) {
        const double t = std::stod(theirs);
        return std::abs(ours - t) <= 1e-12 * std::max(1.0, std::abs(t));
    };
    for (const column_profile& p : lolpop::profile_columns(data)) {
        const std::string key = dataset + "." + p.name + ".";
        CAPTURE(key);
        CHECK(std::to_string(p.count) == at(key + "count"));
        CHECK(std::to_string(p.missing) == at(key + "missing"));
        CHECK(std::to_string(p.distinct) == at(key + "distinct"));
        CHECK(top_text(p) == at(key + "top"));
        if (p.type == lolpop::column_type::categorical) {
            CHECK_FALSE(p.numeric);
            CHECK(p.histogram.empty());
            CHECK(expected.count(key + "mean") == 0);
            continue;
        }
        REQUIRE(p.numeric);
        CHECK(close(p.numeric->mean, at(key + "mean")));
        CHECK(close(p.numeric->stddev, at(key + "std")));
        CHECK(close(p.numeric->min, at(key + "min")));
        CHECK(close(p.numeric->q25, at(key + "q25")));
        CHECK(close(p.numeric->median, at(key + "median")));
        CHECK(close(p.numeric->q75, at(key + "q75")));
        CHECK(close(p.numeric->max, at(key + "max")));
        CHECK(histogram_text(p) == at(key + "histogram"));
    }
}

}  // namespace

TEST_CASE("profile_columns gives pandas' and numpy's statistics for penguins") {
    const frame penguins = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    check_against_reference("penguins", penguins);

    const auto profiles = lolpop::profile_columns(penguins);
    REQUIRE(profiles.size() == 7);
    CHECK(profiles[6].name == "Sex");
    CHECK(profiles[6].missing == 10);
    CHECK(profiles[6].missing_fraction() == doctest::Approx(10.0 / 344));
}

TEST_CASE("profile_columns gives pandas' and numpy's statistics for cars, integers and dates included") {
    check_against_reference("cars", lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/cars/data/cars.csv"));
}

TEST_CASE("profile_columns by hand: quantiles, sample std and histogram edges") {
    const frame data({column::numeric("x", {4, 1, NAN, 3, 2})});
    const auto p = lolpop::profile_columns(data, 3).front();
    CHECK(p.count == 4);
    CHECK(p.missing == 1);
    CHECK(p.distinct == 4);
    REQUIRE(p.numeric);
    CHECK(p.numeric->mean == 2.5);
    CHECK(p.numeric->stddev == doctest::Approx(std::sqrt(5.0 / 3.0)));
    CHECK(p.numeric->min == 1);
    CHECK(p.numeric->q25 == 1.75);
    CHECK(p.numeric->median == 2.5);
    CHECK(p.numeric->q75 == 3.25);
    CHECK(p.numeric->max == 4);
    // Edges 1, 2, 3, 4: a value on an inner edge opens the next bin; the last bin holds 4 too.
    REQUIRE(p.histogram.size() == 3);
    CHECK(p.histogram[0].lower == 1);
    CHECK(p.histogram[0].upper == 2);
    CHECK(p.histogram[2].upper == 4);
    CHECK(histogram_text(p) == "1 1 2");
    CHECK(p.missing_fraction() == 0.2);
}

TEST_CASE("profile_columns: a constant column, one value, no values, and categorical ties") {
    const frame data({column::integer("constant", {7, 7, 7}), column::numeric("single", {NAN, 5, NAN}),
                      column::numeric("empty", {NAN, NAN, NAN}),
                      column::categorical("label", {"b", "a", std::nullopt})});
    const auto profiles = lolpop::profile_columns(data, 4, 5);

    const auto& constant = profiles[0];
    REQUIRE(constant.numeric);
    CHECK(constant.numeric->stddev == 0);
    CHECK(constant.distinct == 1);
    REQUIRE(constant.histogram.size() == 4);
    CHECK(constant.histogram.front().lower == 6.5);
    CHECK(constant.histogram.back().upper == 7.5);
    CHECK(histogram_text(constant) == "0 0 3 0");
    CHECK(top_text(constant) == "7=3");

    REQUIRE(profiles[1].numeric);
    CHECK(std::isnan(profiles[1].numeric->stddev));
    CHECK(profiles[1].numeric->median == 5);

    CHECK(profiles[2].count == 0);
    CHECK(profiles[2].missing == 3);
    CHECK_FALSE(profiles[2].numeric);
    CHECK(profiles[2].histogram.empty());
    CHECK(profiles[2].top_values.empty());
    CHECK(profiles[2].missing_fraction() == 1.0);

    // Equal counts: ascending label order, whatever the order of the rows.
    CHECK(top_text(profiles[3]) == "a=1|b=1");
    CHECK(profiles[3].distinct == 2);
}

TEST_CASE("profile_columns lists as many top values as asked, counting only present rows") {
    const frame data({column::categorical("c", {"x", "y", "y", "z", "z", "z", std::nullopt})});
    CHECK(top_text(lolpop::profile_columns(data, 10, 2).front()) == "z=3|y=2");
    CHECK(lolpop::profile_columns(data, 10, 0).front().top_values.empty());
    // Categories left over from rows taken away are not values of the column.
    const std::size_t rows[] = {0, 6};
    const auto p = lolpop::profile_columns(data.take(rows)).front();
    CHECK(p.distinct == 1);
    CHECK(top_text(p) == "x=1");
}

TEST_CASE("profile_columns of an empty frame is empty") {
    CHECK(lolpop::profile_columns(frame{}).empty());
}

TEST_CASE("profile_columns rejects a histogram without bins and a negative number of top values") {
    const frame data({column::numeric("x", {1, 2})});
    CHECK(message_of([&] { lolpop::profile_columns(data, 0); }) ==
          "a histogram needs at least 1 bin, got 0 (profile_columns)");
    CHECK(message_of([&] { lolpop::profile_columns(data, 10, -1); }) ==
          "the number of top values cannot be negative, got -1 (profile_columns)");
}
