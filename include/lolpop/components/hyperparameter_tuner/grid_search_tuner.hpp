#pragma once
// grid_search_tuner — every combination of the values listed per trainer setting, one trial each.
//
// The grid is a table of arrays, as a profile writes it:
//   [train.hyperparameter_tuner.grid]
//   max_depth = [3, 4, 6]
//   eta = [0.1, 0.3]
// Each value keeps its TOML type (3 is an integer, 0.1 a float, "dart" a string), so it assigns
// to the trainer's setting of that name as a --set override would. Trials come in the order of
// scikit-learn's ParameterGrid: setting names sorted, the last name's values varying fastest. An
// empty grid gives one trial with no settings: the trainer as configured.
#include <lolpop/concepts/hyperparameter_tuner.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <string_view>
#include <vector>

namespace lolpop {

class grid_search_tuner {
public:
    struct config {
        setting_lists grid = {};
        // More combinations than this is an error: a grid that grew by a value too many should
        // not silently train for hours.
        int max_trials = 1000;
    };
    static constexpr std::string_view name = "grid_search_tuner";

    // Throws lolpop::error naming the setting for a name with no values, max_trials below 1 or a
    // grid with more combinations than max_trials.
    grid_search_tuner(const config& cfg, context& ctx);

    std::vector<trial> trials() const;

private:
    config config_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::grid_search_tuner::config, grid, max_trials);

static_assert(lolpop::hyperparameter_tuner<lolpop::grid_search_tuner>);
