// lolpop::notifier: a notifier without notify; a logger is not a notifier.
#include <lolpop/concepts/notifier.hpp>

#include "archetype.hpp"

#include <string_view>

namespace {

template <bool Notify>
struct notifier : archetype::component_base {
    using component_base::component_base;
    void notify(lolpop::log_level, std::string_view)
        requires Notify;
};
static_assert(lolpop::notifier<notifier<true>>);
static_assert(!lolpop::has_notify<notifier<false>> && !lolpop::notifier<notifier<false>>);

struct logs_only : archetype::component_base {
    using component_base::component_base;
    void log(lolpop::log_level, std::string_view);
};
static_assert(!lolpop::has_notify<logs_only> && !lolpop::notifier<logs_only>);

}  // namespace
