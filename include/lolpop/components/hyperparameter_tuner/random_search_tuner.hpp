#pragma once
// random_search_tuner — n_trials settings drawn at random from a search space, seeded.
//
// Each trainer setting has one distribution, written as a table of arrays per kind:
//   [train.hyperparameter_tuner.uniform]       eta = [0.01, 0.3]         a float from low to high
//   [train.hyperparameter_tuner.log_uniform]   reg_lambda = [0.001, 10]  its logarithm uniform; 0 < low
//   [train.hyperparameter_tuner.integers]      max_depth = [3, 10]       an integer, both ends included
//   [train.hyperparameter_tuner.choices]       booster = ["gbtree", "dart"]   one value, each equally likely
// Integers are std::int64_t setting values, so they assign to integer settings; choices keep the
// TOML type of each value. The draws come from std::mt19937_64 turned into numbers by lolpop's
// own arithmetic (not the standard distributions, whose results differ between standard
// libraries), so a seed gives the same trials on every platform.
#include <lolpop/concepts/hyperparameter_tuner.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class random_search_tuner {
public:
    struct config {
        int n_trials = 10;
        std::uint64_t seed = 42;
        setting_lists uniform = {};
        setting_lists log_uniform = {};
        setting_lists integers = {};
        setting_lists choices = {};
    };
    static constexpr std::string_view name = "random_search_tuner";

    // Throws lolpop::error naming the setting for n_trials below 1, an empty search space, a
    // setting in two distributions, a range that is not [low, high] with low <= high (of numbers;
    // of integers for `integers`; above 0 for `log_uniform`) or choices with no values.
    random_search_tuner(const config& cfg, context& ctx);

    std::vector<trial> trials() const;

private:
    enum class distribution { uniform, log_uniform, integers, choices };
    struct dimension {
        std::string setting;
        distribution kind;
        double low = 0, high = 0;             // uniform, log_uniform
        std::int64_t first = 0, last = 0;     // integers
        std::vector<setting_scalar> values;   // choices
    };

    config config_;
    std::vector<dimension> space_;  // sorted by setting name: the order of the draws
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::random_search_tuner::config, n_trials, seed, uniform, log_uniform, integers, choices);

static_assert(lolpop::hyperparameter_tuner<lolpop::random_search_tuner>);
