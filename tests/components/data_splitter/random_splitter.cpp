// covers: lolpop/core/split.hpp
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::random_splitter;

namespace {

const std::string breast_cancer = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv";

lolpop::data_split split(const random_splitter::config& cfg, const frame& data, const std::string& target = "target") {
    lolpop::context ctx;
    return random_splitter(cfg, ctx).split_data(data, target);
}

std::vector<std::int64_t> ids(const lolpop::labeled_data& part) {
    const auto v = part.X["id"].integer_values();
    return {v.begin(), v.end()};
}

// Every row of the part has the target of the original row with its id.
void check_rows_match(const lolpop::labeled_data& part, const frame& data) {
    const auto original = data["target"].integer_values();
    const auto id = part.X["id"].integer_values();
    const auto y = part.y.integer_values();
    for (std::size_t r = 0; r < part.X.rows(); ++r) CHECK(y[r] == original[static_cast<std::size_t>(id[r] - 1)]);
}

}  // namespace

TEST_CASE("random_splitter cuts breast_cancer.csv 80/20 with the target apart") {
    const frame data = lolpop::read_csv_file(breast_cancer);
    const auto s = split({}, data);
    CHECK(s.train.X.rows() == 400);
    CHECK(s.valid.X.rows() == 0);
    CHECK(s.test.X.rows() == 100);
    CHECK(s.train.y.name() == "target");
    CHECK(s.train.y.size() == 400);
    CHECK(s.test.y.size() == 100);
    CHECK(s.train.X.cols() == 31);
    CHECK_FALSE(s.train.X.has("target"));
    CHECK(s.valid.X.cols() == 31);
    CHECK(s.valid.y.size() == 0);

    std::set<std::int64_t> seen;
    for (const auto* part : {&s.train, &s.test})
        for (auto id : ids(*part)) CHECK(seen.insert(id).second);
    CHECK(seen.size() == 500);
    check_rows_match(s.train, data);
    check_rows_match(s.test, data);
}

TEST_CASE("random_splitter makes a validation part and rounds cumulatively") {
    const frame data = lolpop::read_csv_file(breast_cancer);
    const auto s = split({.train_ratio = 0.6, .valid_ratio = 0.25, .test_ratio = 0.15, .seed = 7}, data);
    CHECK(s.train.X.rows() == 300);
    CHECK(s.valid.X.rows() == 125);
    CHECK(s.test.X.rows() == 75);
    check_rows_match(s.valid, data);

    const frame three({column::integer("id", {1, 2, 3}), column::integer("target", {0, 1, 0})});
    const auto t = split({.train_ratio = 0.5, .valid_ratio = 0.5, .test_ratio = 0.0, .seed = 1}, three);
    CHECK(t.train.X.rows() == 2);
    CHECK(t.valid.X.rows() == 1);
    CHECK(t.test.X.rows() == 0);
}

TEST_CASE("random_splitter is deterministic per seed") {
    const frame data = lolpop::read_csv_file(breast_cancer);
    const auto a = split({}, data);
    const auto b = split({}, data);
    CHECK(a.train.X == b.train.X);
    CHECK(a.test.y == b.test.y);
    const auto c = split({.train_ratio = 0.8, .valid_ratio = 0.0, .test_ratio = 0.2, .seed = 43}, data);
    CHECK_FALSE(ids(a.test) == ids(c.test));
    // Fixed by mt19937_64 and our own shuffle, so the same on every standard library (checked
    // against an independent implementation of both).
    const auto first = ids(a.train);
    CHECK(std::vector<std::int64_t>(first.begin(), first.begin() + 5) ==
          std::vector<std::int64_t>{244, 317, 314, 228, 319});
}

TEST_CASE("random_splitter checks its ratios at construction") {
    lolpop::context ctx;
    auto error_for = [&](random_splitter::config cfg) { return message_of([&] { random_splitter(cfg, ctx); }); };
    CHECK(error_for({.train_ratio = -0.1, .valid_ratio = 0.0, .test_ratio = 1.1, .seed = 1}) ==
          "train_ratio must be between 0 and 1, got -0.1 (random_splitter.train_ratio)");
    CHECK(error_for({.train_ratio = 0.8,
                     .valid_ratio = std::numeric_limits<double>::quiet_NaN(),
                     .test_ratio = 0.2,
                     .seed = 1}) == "valid_ratio must be between 0 and 1, got nan (random_splitter.valid_ratio)");
    CHECK(error_for({.train_ratio = 0.7, .valid_ratio = 0.0, .test_ratio = 0.2, .seed = 1}) ==
          "train_ratio + valid_ratio + test_ratio must be 1, got 0.8999999999999999 (random_splitter)");
    CHECK(error_for({.train_ratio = 0.0, .valid_ratio = 0.0, .test_ratio = 1.0, .seed = 1}) ==
          "train_ratio must be above 0: a model needs training rows (random_splitter.train_ratio)");
    CHECK(error_for({.train_ratio = 0.7, .valid_ratio = 0.1, .test_ratio = 0.2, .seed = 1}) == "no error");
}

TEST_CASE("random_splitter rejects an unknown or incomplete target") {
    const frame data = lolpop::read_csv_file(breast_cancer);
    CHECK(message_of([&] { (void)split({}, data, "targte"); }) ==
          "the target 'targte' is not a column of the data (did you mean 'target'?) (random_splitter)");
    const frame gaps({column::integer("id", {1, 2, 3}), column::integer("y", {1, 0, 1}, {true, false, true})});
    CHECK(message_of([&] { (void)split({}, gaps, "y"); }) == "the target 'y' is missing in row 2 (random_splitter)");
}

TEST_CASE("random_splitter logs the sizes of the parts it made") {
    const frame data = lolpop::read_csv_file(breast_cancer);
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> logged;
    ctx.set_logger([&](lolpop::log_level level, std::string_view m) { logged.emplace_back(level, m); });
    const random_splitter splitter({.train_ratio = 0.7, .valid_ratio = 0.1, .test_ratio = 0.2, .seed = 42}, ctx);
    const auto s = splitter.split_data(data, "target");
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].first == lolpop::log_level::info);
    CHECK(logged[0].second == "random_splitter: split 500 rows: train 350, valid 50, test 100");
    const lolpop::split_sizes sizes = lolpop::sizes_of(s);
    CHECK(sizes.train == 350);
    CHECK(sizes.valid == 50);
    CHECK(sizes.test == 100);
}
