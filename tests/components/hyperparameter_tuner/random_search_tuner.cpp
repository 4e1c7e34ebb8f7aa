#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/hyperparameter_tuner/random_search_tuner.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace {

using lolpop::setting_value;

std::vector<lolpop::trial> trials_of(const lolpop::random_search_tuner::config& c) {
    lolpop::context ctx;
    return lolpop::random_search_tuner(c, ctx).trials();
}

lolpop::random_search_tuner::config space(int n_trials, std::uint64_t seed) {
    lolpop::random_search_tuner::config c;
    c.n_trials = n_trials;
    c.seed = seed;
    c.uniform = {{"subsample", {0.5, std::int64_t{1}}}};
    c.log_uniform = {{"eta", {0.001, 1.0}}};
    c.integers = {{"max_depth", {std::int64_t{2}, std::int64_t{4}}}};
    c.choices = {{"booster", {std::string("gbtree"), std::string("dart")}}, {"min_child_weight", {std::int64_t{1}, 2.5}}};
    return c;
}

}  // namespace

TEST_CASE("random_search_tuner draws typed values inside their ranges") {
    const auto trials = trials_of(space(400, 42));
    REQUIRE(trials.size() == 400);
    std::map<std::int64_t, int> depths;
    std::map<std::string, int> boosters;
    int weights_int = 0, small_eta = 0;
    for (const auto& t : trials) {
        REQUIRE(t.size() == 5);
        const double subsample = std::get<double>(t.at("subsample"));
        CHECK(subsample >= 0.5);
        CHECK(subsample <= 1.0);
        const double eta = std::get<double>(t.at("eta"));
        CHECK(eta >= 0.001);
        CHECK(eta <= 1.0);
        small_eta += eta < std::sqrt(0.001 * 1.0);
        ++depths[std::get<std::int64_t>(t.at("max_depth"))];
        ++boosters[std::get<std::string>(t.at("booster"))];
        // Each choice keeps its own type.
        const auto& w = t.at("min_child_weight");
        if (std::holds_alternative<std::int64_t>(w))
            ++weights_int;
        else
            CHECK(std::get<double>(w) == 2.5);
    }
    // Both ends of an integer range are drawn, and nothing outside it.
    CHECK(depths.size() == 3);
    CHECK(depths.begin()->first == 2);
    CHECK(depths.rbegin()->first == 4);
    for (const auto& [depth, n] : depths) CHECK(n > 100);
    CHECK(boosters.size() == 2);
    CHECK(boosters["gbtree"] > 160);
    CHECK(weights_int > 160);
    CHECK(weights_int < 240);
    // Log-uniform: half of the draws fall below the geometric mean of the ends.
    CHECK(small_eta > 160);
    CHECK(small_eta < 240);
}

TEST_CASE("random_search_tuner gives the same trials for a seed on every platform") {
    CHECK(trials_of(space(20, 7)) == trials_of(space(20, 7)));
    CHECK(trials_of(space(20, 7)) != trials_of(space(20, 8)));
    // The first draw of std::mt19937_64 seeded with 42 (its output is fixed by the C++ standard)
    // is 13930160852258120406: a float takes its top 53 bits, an integer range the remainder.
    lolpop::random_search_tuner::config c;
    c.seed = 42;
    c.n_trials = 1;
    c.uniform = {{"x", {0.0, 1.0}}};
    const auto first = trials_of(c);
    CHECK(std::get<double>(first.at(0).at("x")) == static_cast<double>(13930160852258120406ull >> 11) * 0x1.0p-53);
    c.uniform.clear();
    c.integers = {{"x", {std::int64_t{10}, std::int64_t{16}}}};
    // 13930160852258120406 % 7 = 6, and the draw is not below 2^64 % 7 = 2, the rejection threshold.
    CHECK(trials_of(c).at(0).at("x") == setting_value(std::int64_t{16}));
}

TEST_CASE("random_search_tuner trials train xgboost_trainer models on breast cancer") {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
    data.remove("id");
    lolpop::context ctx;
    const auto split = lolpop::random_splitter({0.8, 0.0, 0.2, 3}, ctx).split_data(data, "target");
    auto c = space(3, 11);
    c.choices.erase("booster");  // dart is slow to predict and adds nothing here
    for (const auto& t : trials_of(c)) {
        lolpop::xgboost_trainer::config tc;
        tc.nthread = 1;  // small data: threads would only wait for each other
        tc.num_boost_round = 20;
        for (const auto& [key, value] : t) lolpop::set_setting(tc, key, value, "train.hyperparameter_tuner");
        CHECK(tc.max_depth == std::get<std::int64_t>(t.at("max_depth")));
        CHECK(tc.eta == std::get<double>(t.at("eta")));
        const lolpop::xgboost_trainer trainer(tc, ctx);
        const auto model = trainer.fit(split, lolpop::problem_type::binary);
        CHECK(trainer.predict(model, split.test.X).size() == split.test.X.rows());
    }
}

TEST_CASE("random_search_tuner rejects a bad search space, naming the setting") {
    auto bad = [](auto change) {
        lolpop::random_search_tuner::config c;
        c.integers = {{"max_depth", {std::int64_t{2}, std::int64_t{4}}}};
        change(c);
        return message_of([&] { (void)trials_of(c); });
    };
    using config = lolpop::random_search_tuner::config;
    CHECK(bad([](config& c) { c.n_trials = 0; }) == "n_trials must be at least 1, got 0 (random_search_tuner.n_trials)");
    CHECK(bad([](config& c) { c.integers.clear(); }) ==
          "the search space is empty: give uniform, log_uniform, integers or choices a setting (random_search_tuner)");
    CHECK(bad([](config& c) { c.uniform = {{"max_depth", {1.0, 2.0}}}; }) ==
          "'max_depth' has a distribution in both uniform and integers (random_search_tuner.integers.max_depth)");
    CHECK(bad([](config& c) { c.uniform = {{"eta", {0.1}}}; }) ==
          "expects [low, high], got 1 values (random_search_tuner.uniform.eta)");
    CHECK(bad([](config& c) { c.uniform = {{"eta", {0.1, std::string("0.3")}}}; }) ==
          "expects [low, high] of two finite numbers (random_search_tuner.uniform.eta)");
    CHECK(bad([](config& c) { c.uniform = {{"eta", {0.1, std::numeric_limits<double>::infinity()}}}; }) ==
          "expects [low, high] of two finite numbers (random_search_tuner.uniform.eta)");
    CHECK(bad([](config& c) { c.uniform = {{"eta", {0.3, 0.1}}}; }) ==
          "low 0.3 is above high 0.1 (random_search_tuner.uniform.eta)");
    CHECK(bad([](config& c) { c.log_uniform = {{"eta", {0.0, 0.1}}}; }) ==
          "low must be above 0, got 0 (random_search_tuner.log_uniform.eta)");
    CHECK(bad([](config& c) { c.integers = {{"max_depth", {std::int64_t{2}, 4.5}}}; }) ==
          "expects [low, high] of two integers (random_search_tuner.integers.max_depth)");
    CHECK(bad([](config& c) { c.integers = {{"max_depth", {std::int64_t{5}, std::int64_t{4}}}}; }) ==
          "low 5 is above high 4 (random_search_tuner.integers.max_depth)");
    CHECK(bad([](config& c) { c.choices = {{"booster", {}}}; }) ==
          "'booster' lists no values to choose from (random_search_tuner.choices.booster)");
}

TEST_CASE("random_search_tuner covers the whole int64 range without overflow") {
    lolpop::random_search_tuner::config c;
    c.n_trials = 50;
    c.integers = {{"x", {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}},
                  {"y", {std::int64_t{-3}, std::int64_t{-3}}}};
    bool negative = false, positive = false;
    for (const auto& t : trials_of(c)) {
        const auto x = std::get<std::int64_t>(t.at("x"));
        negative = negative || x < 0;
        positive = positive || x > 0;
        CHECK(t.at("y") == setting_value(std::int64_t{-3}));
    }
    CHECK(negative);
    CHECK(positive);
}
