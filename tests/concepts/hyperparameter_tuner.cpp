// lolpop::hyperparameter_tuner: a tuner without trials, and one whose trials are strings.
#include <lolpop/concepts/hyperparameter_tuner.hpp>

#include "archetype.hpp"

#include <string>
#include <vector>

namespace {

template <bool Trials>
struct tuner : archetype::component_base {
    using component_base::component_base;
    std::vector<lolpop::trial> trials()
        requires Trials;
};
static_assert(lolpop::hyperparameter_tuner<tuner<true>>);
static_assert(!lolpop::has_trials<tuner<false>> && !lolpop::hyperparameter_tuner<tuner<false>>);

struct string_trials : archetype::component_base {
    using component_base::component_base;
    std::vector<std::string> trials();
};
static_assert(!lolpop::has_trials<string_trials> && !lolpop::hyperparameter_tuner<string_trials>);

}  // namespace
