#pragma once
// lolpop::registry_component_t<Declared, Fallback>: the type a generated header binds for a
// registry entry, after checking the entry at the registry's own line.
//
// Requirements
//   Declared   the registry entry's `type`, or lolpop::registry_type_missing when the registry
//              misspells it (the generated header declares that as the fallback of its alias)
//   Fallback   a type that fills the entry's role without further errors: the role's null
//              component, or lolpop::unbound
// Semantics
//   A generated header states each component the profile uses twice, at the registry's lines:
//   `type` (a misspelled type is the compiler's error there) and the key, with
//   static_assert(registry_has_name<Declared>) and static_assert(registry_name_is<Declared>(key))
//   (a component without `name`, or whose name is not its registry key). The workflow is composed
//   from registry_component_t, which is Declared when it is a component's type and otherwise a
//   stand-in that compiles quietly, so that the registry's line carries the one error: Fallback
//   for a missing type, and Declared given a name for a type without one.
// Example
//   static_assert(lolpop::registry_name_is<lolpop::stdout_logger>("stdout_logger"));
//   static_assert(std::is_same_v<lolpop::registry_component_t<lolpop::stdout_logger, lolpop::null_logger>,
//                                lolpop::stdout_logger>);
#include <lolpop/concepts/component.hpp>

#include <string_view>
#include <type_traits>

namespace lolpop {

// What a generated header's alias falls back to when the registry's type names nothing.
struct registry_type_missing {};

// True unless Declared is a type without `static constexpr std::string_view name`.
template <class Declared>
inline constexpr bool registry_has_name = std::is_same_v<Declared, registry_type_missing> || has_name<Declared>;

// Whether Declared::name is `key`; true when there is no name to compare (reported apart).
template <class Declared>
consteval bool registry_name_is(std::string_view key) {
    if constexpr (has_name<Declared>)
        return std::string_view(Declared::name) == key;
    else
        return true;
}

// A type without a name, given one: a stand-in for the rest of the composition once the missing
// name is reported.
template <class T>
struct registry_named : T {
    using T::T;
    static constexpr std::string_view name = "(unnamed)";
};

template <class Declared, class Fallback>
using registry_component_t =
    std::conditional_t<std::is_same_v<Declared, registry_type_missing>, Fallback,
                       std::conditional_t<has_name<Declared>, Declared, registry_named<Declared>>>;

}  // namespace lolpop
