#pragma once
// lolpop::component — what every component of every role has.
//
// Requirements
//   T::config            an aggregate of defaulted settings, adapted with BOOST_HANA_ADAPT_STRUCT
//   T::name              static constexpr std::string_view, the name profiles use
//   T(config, context&)  construction from settings and the workflow context
// Semantics
//   A component holds its settings and whatever state its role needs (a fitted transformer,
//   an open database). It never reads globals: what it needs comes through its config and context.
// Optional
//   T::inert             static constexpr bool, true for a component that does nothing
//                        (lolpop::inert_component)
// Models
//   every type under lolpop/components/; inert: every null_<role>.
// Example
//   given: lolpop::context& ctx
//   static_assert(lolpop::component<lolpop::stdout_logger>);
//   lolpop::stdout_logger::config settings;   // every setting at its default
//   lolpop::stdout_logger log(settings, ctx);
//   static_assert(lolpop::stdout_logger::name == "stdout_logger");
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <concepts>
#include <string_view>

namespace lolpop {

template <class T>
concept has_config = requires { typename T::config; } && std::default_initializable<typename T::config> &&
                     reflected_config<typename T::config>;

template <class T>
concept has_name = requires {
    { T::name } -> std::convertible_to<std::string_view>;
};

template <class T>
concept constructible_from_config = has_config<T> && std::constructible_from<T, const typename T::config&, context&>;

template <class T>
concept component = has_config<T> && has_name<T> && constructible_from_config<T>;

// A component that does nothing when it is called: the null_<role> defaults, which say so with
// `static constexpr bool inert = true`. Calling one is always correct (they are null objects);
// pipelines ask this capability, never a type's identity, only to skip work whose one consumer
// the component is (loading a stored dataset for a profiler that compares nothing).
template <class T>
concept inert_component = component<T> && requires { requires T::inert; };

}  // namespace lolpop
