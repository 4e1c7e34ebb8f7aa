#pragma once
// What the concept tests build their hand-made types from: the part every component has. A
// role's test derives a class template from it with one flag per requirement of the role, so
// that each variant lacks exactly one requirement. Members are declared and never defined: the
// concepts only ask whether a call would compile.
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>

namespace archetype {

struct component_base {
    struct config {};
    static constexpr std::string_view name = "archetype";
    component_base(const config&, lolpop::context&);
};

}  // namespace archetype

LOLPOP_NO_SETTINGS(archetype::component_base::config);
