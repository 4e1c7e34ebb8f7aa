// lolpop::model_checker: a checker without check_model, and one that sees only the evaluation.
#include <lolpop/concepts/model_checker.hpp>

#include "archetype.hpp"

namespace {

template <bool Check>
struct checker : archetype::component_base {
    using component_base::component_base;
    lolpop::report check_model(const lolpop::data_split&, const lolpop::evaluation&)
        requires Check;
};
static_assert(lolpop::model_checker<checker<true>>);
static_assert(!lolpop::checks_models<checker<false>> && !lolpop::model_checker<checker<false>>);

struct evaluation_only : archetype::component_base {
    using component_base::component_base;
    lolpop::report check_model(const lolpop::evaluation&);
};
static_assert(!lolpop::checks_models<evaluation_only> && !lolpop::model_checker<evaluation_only>);

}  // namespace
