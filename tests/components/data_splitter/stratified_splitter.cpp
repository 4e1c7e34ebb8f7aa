#include <lolpop/components/data_splitter/stratified_splitter.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::stratified_splitter;

namespace {

const std::string data_dir = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/";

// The examples keep 69 rows apart as "new" data; together they are the 569 rows of the data set,
// 212 malignant (0) and 357 benign (1).
frame whole_breast_cancer() {
    std::ifstream main_in(data_dir + "breast_cancer.csv"), new_in(data_dir + "breast_cancer_new.csv");
    std::stringstream all;
    all << main_in.rdbuf();
    std::string header;
    std::getline(new_in, header);
    all << new_in.rdbuf();
    return lolpop::read_csv(all, "breast_cancer");
}

lolpop::data_split split(const stratified_splitter::config& cfg, const frame& data,
                         const std::string& target = "target") {
    lolpop::context ctx;
    return stratified_splitter(cfg, ctx).split_data(data, target);
}

std::size_t count(const column& y, std::int64_t label) {
    const auto v = y.integer_values();
    return static_cast<std::size_t>(std::count(v.begin(), v.end(), label));
}

std::vector<std::int64_t> ids(const lolpop::labeled_data& part) {
    const auto v = part.X["id"].integer_values();
    return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("stratified_splitter keeps the class proportions of breast_cancer in every part") {
    const frame data = whole_breast_cancer();
    REQUIRE(data.rows() == 569);
    REQUIRE(count(data["target"], 0) == 212);
    REQUIRE(count(data["target"], 1) == 357);

    for (const stratified_splitter::config cfg :
         {stratified_splitter::config{}, stratified_splitter::config{0.7, 0.15, 0.15, 3}}) {
        const auto s = split(cfg, data);
        CHECK(s.train.X.rows() + s.valid.X.rows() + s.test.X.rows() == 569);
        const struct {
            const lolpop::labeled_data* data;
            double ratio;
        } parts[] = {{&s.train, cfg.train_ratio}, {&s.valid, cfg.valid_ratio}, {&s.test, cfg.test_ratio}};
        for (const auto& part : parts) {
            CAPTURE(part.ratio);
            CHECK(std::abs(static_cast<double>(count(part.data->y, 0)) - 212 * part.ratio) <= 1.0);
            CHECK(std::abs(static_cast<double>(count(part.data->y, 1)) - 357 * part.ratio) <= 1.0);
        }
        std::set<std::int64_t> seen;
        for (const auto* part : {&s.train, &s.valid, &s.test})
            for (auto id : ids(*part)) CHECK(seen.insert(id).second);
        CHECK(seen.size() == 569);
    }
}

TEST_CASE("stratified_splitter interleaves the classes and keeps X and y aligned") {
    const frame data = whole_breast_cancer();
    const auto s = split({}, data);
    const auto target = data["target"].integer_values();
    const auto id = s.test.X["id"].integer_values();
    const auto y = s.test.y.integer_values();
    for (std::size_t r = 0; r < s.test.X.rows(); ++r) CHECK(y[r] == target[static_cast<std::size_t>(id[r] - 1)]);
    // Not all of one class and then all of the other.
    const auto first_benign = std::find(y.begin(), y.end(), 1);
    CHECK(std::find(first_benign, y.end(), 0) != y.end());
}

TEST_CASE("stratified_splitter works on a categorical target") {
    const frame cars = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/cars/data/cars.csv");
    const auto s = split({}, cars, "Origin");
    CHECK(s.train.y.type() == lolpop::column_type::categorical);
    CHECK_FALSE(s.train.X.has("Origin"));
    const column& origin = cars["Origin"];
    for (const std::string label : {"USA", "Europe", "Japan"}) {
        const auto in = [&](const column& y) {
            const auto codes = y.codes();
            return static_cast<double>(std::count(codes.begin(), codes.end(), y.code_of(label)));
        };
        CAPTURE(label);
        CHECK(std::abs(in(s.test.y) - 0.2 * in(origin)) <= 1.0);
        CHECK(in(s.train.y) + in(s.test.y) == in(origin));
    }
}

TEST_CASE("every class gets at least one training row") {
    const frame data({column::integer("id", {1, 2, 3, 4, 5}), column::categorical("y", {"a", "a", "a", "a", "rare"})});
    const auto s = split({.train_ratio = 0.3, .valid_ratio = 0.0, .test_ratio = 0.7, .seed = 5}, data, "y");
    CHECK(s.train.y.code_of("rare") >= 0);
    const auto codes = s.train.y.codes();
    CHECK(std::count(codes.begin(), codes.end(), s.train.y.code_of("rare")) == 1);
    CHECK(s.train.X.rows() == 2);  // round(4 * 0.3) = 1 "a", plus the one "rare"
    CHECK(s.test.X.rows() == 3);
}

TEST_CASE("stratified_splitter is deterministic per seed") {
    const frame data = whole_breast_cancer();
    CHECK(ids(split({}, data).train) == ids(split({}, data).train));
    CHECK(ids(split({}, data).test) !=
          ids(split({.train_ratio = 0.8, .valid_ratio = 0, .test_ratio = 0.2, .seed = 1}, data).test));
}

TEST_CASE("stratified_splitter rejects bad ratios and targets") {
    lolpop::context ctx;
    CHECK(message_of([&] {
              stratified_splitter({.train_ratio = 0.5, .valid_ratio = 0.0, .test_ratio = 0.2, .seed = 1}, ctx);
          }) == "train_ratio + valid_ratio + test_ratio must be 1, got 0.7 (stratified_splitter)");
    CHECK(message_of([&] {
              stratified_splitter({.train_ratio = 0.5, .valid_ratio = 0.0, .test_ratio = -0.5, .seed = 1}, ctx);
          }) == "test_ratio must be between 0 and 1, got -0.5 (stratified_splitter.test_ratio)");
    const frame data = whole_breast_cancer();
    CHECK(message_of([&] { (void)split({}, data, "Target"); }) ==
          "the target 'Target' is not a column of the data (did you mean 'target'?) (stratified_splitter)");
    const frame gaps({column::integer("id", {1, 2}), column::categorical("y", {"a", std::nullopt})});
    CHECK(message_of([&] { (void)split({}, gaps, "y"); }) ==
          "the target 'y' is missing in row 2 (stratified_splitter)");
}

TEST_CASE("stratified_splitter logs the sizes of the parts it made") {
    const frame data = whole_breast_cancer();
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> logged;
    ctx.set_logger([&](lolpop::log_level level, std::string_view m) { logged.emplace_back(level, m); });
    const auto s = stratified_splitter({}, ctx).split_data(data, "target");
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].first == lolpop::log_level::info);
    const lolpop::split_sizes sizes = lolpop::sizes_of(s);
    CHECK(sizes.train + sizes.valid + sizes.test == 569);
    CHECK(logged[0].second == "stratified_splitter: split 569 rows: train " + std::to_string(sizes.train) + ", valid 0, test " +
                                  std::to_string(sizes.test));
    CHECK(sizes.train == s.train.X.rows());
    CHECK(sizes.test == s.test.X.rows());
}
