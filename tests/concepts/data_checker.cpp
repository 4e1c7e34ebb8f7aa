// lolpop::data_checker: a checker without check_data, and one answering with a bare status.
#include <lolpop/concepts/data_checker.hpp>

#include "archetype.hpp"

namespace {

template <bool Check>
struct checker : archetype::component_base {
    using component_base::component_base;
    lolpop::report check_data(const lolpop::frame&)
        requires Check;
};
static_assert(lolpop::data_checker<checker<true>>);
static_assert(!lolpop::checks_data<checker<false>> && !lolpop::data_checker<checker<false>>);

struct status_only : archetype::component_base {
    using component_base::component_base;
    lolpop::check_status check_data(const lolpop::frame&);
};
static_assert(!lolpop::checks_data<status_only> && !lolpop::data_checker<status_only>);

}  // namespace
