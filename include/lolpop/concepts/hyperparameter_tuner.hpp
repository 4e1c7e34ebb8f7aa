#pragma once
// lolpop::hyperparameter_tuner — proposes the trainer settings to try.
//
// Requirements
//   t.trials() -> std::vector<lolpop::trial>     each trial: setting name -> value
// Semantics
//   The train pipeline fits one model per trial (the trainer's config with the trial's settings
//   applied through reflection), scores each on validation data by its perf_metric in that
//   metric's direction, records every trial as an experiment and keeps the best. The order of
//   trials is deterministic for a given seed.
// Models
//   grid_search_tuner, random_search_tuner, null_hyperparameter_tuner (one trial: the trainer's
//   settings as they are).
// Example
//   given: lolpop::null_hyperparameter_tuner& tuner
//   for (const lolpop::trial& t : tuner.trials())
//       for (const auto& [setting, value] : t) (void)setting, (void)value;
#include <lolpop/concepts/component.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <map>
#include <string>
#include <vector>

namespace lolpop {

using trial = std::map<std::string, setting_value>;

template <class T>
concept has_trials = requires(T& t) {
    { t.trials() } -> std::same_as<std::vector<trial>>;
};

template <class T>
concept hyperparameter_tuner = component<T> && has_trials<T>;

}  // namespace lolpop
