#pragma once
// bind<Role, T>: "T fills Role". Pipelines and runners are templates over lists of these.
//
// Naming bind<Role, T> checks that T models Role's concept (lolpop::check_binding): a wrong
// binding is an error "required from" where it is written, which for a profile is the profile's
// own line. The third parameter is that check; leave it defaulted.
#include <lolpop/composition/check_binding.hpp>

#include <cstddef>
#include <type_traits>

namespace lolpop {

// Marks a required role that no binding fills; composition points static_assert against it. It
// has an empty config so that a pipeline missing a role reports that once, not once per use.
struct unbound {
    struct config {};
};

// Whether a runner or pipeline may compose T for Role: T models Role, or Role is unbound (which
// it reports on its own). A wrong binding is reported, with its concept's details, where it is
// written; the composition point then composes a stand-in instead (fitting_t).
template <class Role, class T>
inline constexpr bool fits_role = models_role<Role, T>;
template <class Role>
inline constexpr bool fits_role<Role, unbound> = true;

template <class Role, class T,
          class = typename check_binding<std::conditional_t<std::is_same_v<T, unbound>, void, Role>, T>::type>
struct bind {
    using role = Role;
    using type = T;
};

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

// The type a runner or pipeline composes for Role: T when it fits, else Fallback (an optional
// role's null component, lolpop::stand_in for a required one). T's binding has reported that it
// does not fit, where it is written; composing a type that fits instead keeps that the only error.
template <class Role, class T, class Fallback>
using fitting_t = std::conditional_t<fits_role<Role, T>, T, Fallback>;

// How many of Binds fill Role (a profile binds each role at most once).
template <class Role, class... Binds>
inline constexpr std::size_t bound_count = (std::size_t{std::is_same_v<typename Binds::role, Role>} + ... + 0);

}  // namespace lolpop
