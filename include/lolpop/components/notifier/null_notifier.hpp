#pragma once
// null_notifier — the default notifier: workflows nobody watches send no notifications.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>

namespace lolpop {

struct null_notifier {
    struct config {};
    static constexpr std::string_view name = "null_notifier";
    static constexpr bool inert = true;

    null_notifier(const config&, context&) {}

    void notify(log_level, std::string_view) const {}
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_notifier::config);

static_assert(lolpop::notifier<lolpop::null_notifier>);
