// lolpop::data_transformer: a transformer without transform, and one that transforms in place.
#include <lolpop/concepts/data_transformer.hpp>

#include "archetype.hpp"

namespace {

template <bool Transform>
struct transformer : archetype::component_base {
    using component_base::component_base;
    lolpop::frame transform(const lolpop::frame&)
        requires Transform;
};
static_assert(lolpop::data_transformer<transformer<true>>);
static_assert(!lolpop::has_transform<transformer<false>> && !lolpop::data_transformer<transformer<false>>);

struct in_place : archetype::component_base {
    using component_base::component_base;
    void transform(lolpop::frame&);
};
static_assert(!lolpop::has_transform<in_place> && !lolpop::data_transformer<in_place>);

}  // namespace
