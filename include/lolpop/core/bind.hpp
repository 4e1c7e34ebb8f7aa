#pragma once
// bind<Role, T>: "T fills Role". Pipelines and runners are templates over lists of these.
#include <cstddef>
#include <type_traits>

namespace lolpop {

template <class Role, class T>
struct bind {
    using role = Role;
    using type = T;
};

// Marks a required role that no binding fills; composition points static_assert against it.
struct unbound {};

// The type bound to Role among Binds, or Default when none is.
template <class Role, class Default, class... Binds>
struct bound {
    using type = Default;
};
template <class Role, class Default, class B, class... Rest>
struct bound<Role, Default, B, Rest...>
    : std::conditional_t<std::is_same_v<typename B::role, Role>, std::type_identity<typename B::type>,
                         bound<Role, Default, Rest...>> {};

template <class Role, class Default, class... Binds>
using bound_t = typename bound<Role, Default, Binds...>::type;

// How many of Binds fill Role (a profile binds each role at most once).
template <class Role, class... Binds>
inline constexpr std::size_t bound_count = (std::size_t{std::is_same_v<typename Binds::role, Role>} + ... + 0);

}  // namespace lolpop
