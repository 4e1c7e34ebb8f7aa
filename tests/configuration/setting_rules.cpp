// The checks a generated profile header runs on the effective settings (--set included).
#include <lolpop/configuration/setting_rules.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr lolpop::setting_range unit_open_low{0, 1, true, false, "(0, 1]"};
constexpr lolpop::setting_range at_least_one{1, inf, false, true, "[1, inf)"};

}  // namespace

TEST_CASE("a range includes a bracketed bound and excludes a parenthesized one") {
    CHECK_NOTHROW(lolpop::check_range(1.0, unit_open_low, "train.model_trainer.subsample"));
    CHECK_NOTHROW(lolpop::check_range(1e-9, unit_open_low, "train.model_trainer.subsample"));
    CHECK(message_of([] { lolpop::check_range(0.0, unit_open_low, "train.model_trainer.subsample"); }) ==
          "train.model_trainer.subsample = 0 is outside its range (0, 1] (settings)");
    CHECK(message_of([] { lolpop::check_range(1.5, unit_open_low, "train.model_trainer.subsample"); }) ==
          "train.model_trainer.subsample = 1.5 is outside its range (0, 1] (settings)");
    CHECK_NOTHROW(lolpop::check_range(1000000, at_least_one, "train.model_trainer.num_boost_round"));
    CHECK_THROWS(lolpop::check_range(0, at_least_one, "train.model_trainer.num_boost_round"));
}

TEST_CASE("NaN is in no range, and infinity only where the bound includes it") {
    CHECK(message_of([] { lolpop::check_range(std::nan(""), unit_open_low, "train.model_trainer.eta"); }) ==
          "train.model_trainer.eta = nan is outside its range (0, 1] (settings)");
    CHECK_THROWS(lolpop::check_range(inf, at_least_one, "x"));
    CHECK_NOTHROW(lolpop::check_range(inf, lolpop::setting_range{0, inf, false, false, "[0, inf]"}, "x"));
}

TEST_CASE("a range applies to each number of an array, a table or an optional") {
    CHECK_NOTHROW(lolpop::check_range(std::vector<double>{1, 2, 7}, at_least_one, "config.lags"));
    CHECK(message_of([] { lolpop::check_range(std::vector<double>{1, 0.5}, at_least_one, "config.lags"); }) ==
          "config.lags = 0.5 is outside its range [1, inf) (settings)");
    CHECK(message_of([] {
              lolpop::check_range(std::map<std::string, int>{{"age", 3}, {"income", 0}}, at_least_one, "checker.min");
          }) == "checker.min.income = 0 is outside its range [1, inf) (settings)");
    CHECK_NOTHROW(lolpop::check_range(std::optional<double>{}, at_least_one, "x"));
    CHECK_THROWS(lolpop::check_range(std::optional<double>{0.0}, at_least_one, "x"));
}

TEST_CASE("allowed names: a string, each string of an array and each value of a table") {
    const lolpop::allowed_names levels = {"debug", "info", "warn", "error"};
    CHECK_NOTHROW(lolpop::check_one_of(std::string("warn"), levels, "logger.level"));
    CHECK(message_of([&] { lolpop::check_one_of(std::string("wran"), levels, "logger.level"); }) ==
          "logger.level = 'wran' is not one of 'debug', 'info', 'warn', 'error' (did you mean 'warn'?) (settings)");
    CHECK_THROWS(lolpop::check_one_of(std::vector<std::string>{"info", "verbose"}, levels, "x"));
    const std::map<std::string, std::string> types = {{"age", "integer"}, {"city", "text"}};
    CHECK(message_of([&] { lolpop::check_one_of(types, {"numeric", "integer", "categorical"}, "process.data_connector.column_types"); })
              .starts_with("process.data_connector.column_types.city = 'text' is not one of 'numeric', 'integer', 'categorical'"));
}

TEST_CASE("a search space names settings of the trainer") {
    const lolpop::setting_lists grid = {{"max_depth", {std::int64_t{3}, std::int64_t{6}}}, {"eta", {0.1, 0.3}}};
    CHECK_NOTHROW(lolpop::check_setting_keys(grid, {"max_depth", "eta", "subsample"}, "xgboost_trainer", "train.hyperparameter_tuner.grid"));
    CHECK(message_of([&] { lolpop::check_setting_keys(grid, {"max_depth", "eta_"}, "xgboost_trainer", "train.hyperparameter_tuner.grid"); }) ==
          "'eta' in train.hyperparameter_tuner.grid is not a setting of xgboost_trainer (did you mean 'eta_'?) (settings)");
}

TEST_CASE("settings that must add up") {
    CHECK_NOTHROW(lolpop::check_setting_sum({0.7, 0.1, 0.2}, 1, "train_ratio + valid_ratio + test_ratio", "train.data_splitter"));
    CHECK(message_of([] { lolpop::check_setting_sum({0.9, 0.0, 0.2}, 1, "train_ratio + valid_ratio + test_ratio", "train.data_splitter"); }) ==
          "train.data_splitter: train_ratio + valid_ratio + test_ratio must sum to 1, but sum to 1.1 (settings)");
}
