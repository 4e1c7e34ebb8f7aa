#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/hyperparameter_tuner/grid_search_tuner.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

using lolpop::setting_value;

std::vector<lolpop::trial> trials_of(const lolpop::grid_search_tuner::config& c) {
    lolpop::context ctx;
    return lolpop::grid_search_tuner(c, ctx).trials();
}

}  // namespace

TEST_CASE("grid_search_tuner proposes every combination, names sorted, the last varying fastest") {
    lolpop::grid_search_tuner::config c;
    // As a --set override would give it.
    lolpop::set_setting(c, "grid", lolpop::parse_setting_value("{ max_depth = [3, 4, 6], eta = [0.1, 0.3] }"),
                        "train.hyperparameter_tuner");
    const auto trials = trials_of(c);
    const std::vector<std::pair<double, std::int64_t>> expected = {{0.1, 3}, {0.1, 4}, {0.1, 6}, {0.3, 3}, {0.3, 4}, {0.3, 6}};
    REQUIRE(trials.size() == expected.size());
    for (std::size_t i = 0; i < trials.size(); ++i) {
        CAPTURE(i);
        REQUIRE(trials[i].size() == 2);
        CHECK(trials[i].at("eta") == setting_value(expected[i].first));
        // An integer in the profile stays an integer, so it assigns to an int setting.
        CHECK(trials[i].at("max_depth") == setting_value(expected[i].second));
    }
}

TEST_CASE("grid_search_tuner keeps strings and booleans and gives one empty trial for an empty grid") {
    lolpop::grid_search_tuner::config c;
    c.grid = {{"booster", {std::string("gbtree"), std::string("dart")}}, {"flag", {true}}};
    const auto trials = trials_of(c);
    REQUIRE(trials.size() == 2);
    CHECK(trials[0].at("booster") == setting_value(std::string("gbtree")));
    CHECK(trials[1].at("booster") == setting_value(std::string("dart")));
    CHECK(trials[1].at("flag") == setting_value(true));

    const auto none = trials_of({});
    REQUIRE(none.size() == 1);
    CHECK(none[0].empty());
}

TEST_CASE("grid_search_tuner trials configure xgboost_trainer models that differ on breast cancer") {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
    data.remove("id");
    lolpop::context ctx;
    const auto split = lolpop::random_splitter({0.6, 0.2, 0.2, 7}, ctx).split_data(data, "target");

    lolpop::grid_search_tuner::config c;
    c.grid = {{"max_depth", {std::int64_t{1}, std::int64_t{4}}}, {"num_boost_round", {std::int64_t{2}, std::int64_t{30}}}};
    std::set<double> scores;
    std::vector<std::pair<int, int>> seen;
    for (const auto& t : lolpop::grid_search_tuner(c, ctx).trials()) {
        lolpop::xgboost_trainer::config tc;
        tc.nthread = 1;  // small data: threads would only wait for each other
        for (const auto& [key, value] : t) lolpop::set_setting(tc, key, value, "train.hyperparameter_tuner");
        seen.emplace_back(tc.max_depth, tc.num_boost_round);
        const lolpop::xgboost_trainer trainer(tc, ctx);
        const auto model = trainer.fit(split, lolpop::problem_type::binary);
        CHECK(model.boosted_rounds() == tc.num_boost_round);
        const auto m = lolpop::evaluate(lolpop::problem_type::binary, split.valid.y, trainer.predict(model, split.valid.X),
                                        trainer.predict_proba(model, split.valid.X));
        CHECK(m.at("roc_auc") > 0.9);
        scores.insert(m.at("log_loss"));
    }
    CHECK(seen == std::vector<std::pair<int, int>>{{1, 2}, {1, 30}, {4, 2}, {4, 30}});
    // Four settings, four different models.
    CHECK(scores.size() == 4);
}

TEST_CASE("grid_search_tuner rejects empty value lists and grids larger than max_trials") {
    lolpop::grid_search_tuner::config c;
    c.grid = {{"eta", {}}};
    CHECK(message_of([&] { (void)trials_of(c); }) == "'eta' lists no values to try (grid_search_tuner.grid.eta)");

    c.grid = {{"a", {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}}}, {"b", {std::int64_t{1}, std::int64_t{2}}}};
    c.max_trials = 5;
    CHECK(message_of([&] { (void)trials_of(c); }) ==
          "the grid has more than max_trials = 5 combinations (grid_search_tuner.grid)");
    c.max_trials = 6;
    CHECK(trials_of(c).size() == 6);

    c.max_trials = 0;
    CHECK(message_of([&] { (void)trials_of(c); }) ==
          "max_trials must be at least 1, got 0 (grid_search_tuner.max_trials)");
}
