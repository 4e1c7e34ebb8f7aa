// lolpop::model_bias_checker: a checker without check_model_bias, and one answering with a bool.
#include <lolpop/concepts/model_bias_checker.hpp>

#include "archetype.hpp"

namespace {

template <bool Check>
struct checker : archetype::component_base {
    using component_base::component_base;
    lolpop::report check_model_bias(const lolpop::evaluation&)
        requires Check;
};
static_assert(lolpop::model_bias_checker<checker<true>>);
static_assert(!lolpop::checks_model_bias<checker<false>> && !lolpop::model_bias_checker<checker<false>>);

struct answers_bool : archetype::component_base {
    using component_base::component_base;
    bool check_model_bias(const lolpop::evaluation&);
};
static_assert(!lolpop::checks_model_bias<answers_bool> && !lolpop::model_bias_checker<answers_bool>);

}  // namespace
