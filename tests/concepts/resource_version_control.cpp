// lolpop::resource_version_control: one hand-made store per requirement, each lacking only that one.
#include <lolpop/concepts/resource_version_control.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>

namespace {

template <bool Data, bool Models>
struct store : archetype::component_base {
    using component_base::component_base;
    lolpop::artifact version_data(const lolpop::frame&)
        requires Data;
    lolpop::frame get_data(const std::string&)
        requires Data;
    lolpop::artifact version_model(std::string_view)
        requires Models;
    std::string get_model(const std::string&)
        requires Models;
};
static_assert(lolpop::resource_version_control<store<true, true>>);
static_assert(!lolpop::versions_data<store<false, true>> && !lolpop::resource_version_control<store<false, true>>);
static_assert(!lolpop::versions_models<store<true, false>> && !lolpop::resource_version_control<store<true, false>>);

}  // namespace
