// lolpop::data_profiler: a profiler that cannot compare, and one whose profile is plain text.
#include <lolpop/concepts/data_profiler.hpp>

#include "archetype.hpp"

#include <string>

namespace {

template <bool Compare>
struct profiler : archetype::component_base {
    using component_base::component_base;
    lolpop::report profile_data(const lolpop::frame&);
    lolpop::report compare_data(const lolpop::frame&, const lolpop::frame&)
        requires Compare;
};
static_assert(lolpop::data_profiler<profiler<true>>);
static_assert(!lolpop::profiles_data<profiler<false>> && !lolpop::data_profiler<profiler<false>>);

struct text_profile : archetype::component_base {
    using component_base::component_base;
    std::string profile_data(const lolpop::frame&);
    lolpop::report compare_data(const lolpop::frame&, const lolpop::frame&);
};
static_assert(!lolpop::profiles_data<text_profile> && !lolpop::data_profiler<text_profile>);

}  // namespace
