// lolpop::component: one hand-made type per requirement, each lacking only that one.
#include <lolpop/concepts/component.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>

namespace {

struct complete : archetype::component_base {
    using component_base::component_base;
};
static_assert(lolpop::component<complete>);

struct no_config {
    static constexpr std::string_view name = "no_config";
};
static_assert(!lolpop::has_config<no_config> && !lolpop::component<no_config>);
static_assert(lolpop::has_name<no_config>);

// Settings a profile cannot reach: the config is not adapted with BOOST_HANA_ADAPT_STRUCT.
struct unreflected {
    struct config {
        int depth = 0;
    };
    static constexpr std::string_view name = "unreflected";
    unreflected(const config&, lolpop::context&);
};
static_assert(!lolpop::has_config<unreflected> && !lolpop::component<unreflected>);
static_assert(lolpop::has_name<unreflected>);

struct no_name {
    using config = archetype::component_base::config;
    no_name(const config&, lolpop::context&);
};
static_assert(lolpop::has_config<no_name> && !lolpop::has_name<no_name> && !lolpop::component<no_name>);

struct name_not_text : archetype::component_base {
    using component_base::component_base;
    static constexpr int name = 7;
};
static_assert(!lolpop::has_name<name_not_text> && !lolpop::component<name_not_text>);

// Built from its config alone: the context (logger, notifier) is part of the contract.
struct no_context_constructor {
    using config = archetype::component_base::config;
    static constexpr std::string_view name = "no_context_constructor";
    explicit no_context_constructor(const config&);
};
static_assert(lolpop::has_config<no_context_constructor> && lolpop::has_name<no_context_constructor>);
static_assert(!lolpop::constructible_from_config<no_context_constructor> && !lolpop::component<no_context_constructor>);

}  // namespace
