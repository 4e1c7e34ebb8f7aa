#pragma once
// null_hyperparameter_tuner — the default hyperparameter_tuner: one empty trial, so the train
// pipeline fits the trainer once with its settings as they are.
#include <lolpop/concepts/hyperparameter_tuner.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>
#include <vector>

namespace lolpop {

struct null_hyperparameter_tuner {
    struct config {};
    static constexpr std::string_view name = "null_hyperparameter_tuner";
    static constexpr bool inert = true;

    null_hyperparameter_tuner(const config&, context&) {}

    std::vector<trial> trials() const { return {trial{}}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_hyperparameter_tuner::config);

static_assert(lolpop::hyperparameter_tuner<lolpop::null_hyperparameter_tuner>);
