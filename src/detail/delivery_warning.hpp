#pragma once
// What a notifier does when a notification does not reach its server: one warning through the
// workflow's logger naming the notifier, the server (never a secret) and why. A notification only
// informs (lolpop/concepts/notifier.hpp) and notify runs on failure paths too, so nothing escapes:
// neither the delivery's exceptions nor the logger's.
#include <lolpop/core/context.hpp>

#include <fmt/format.h>

#include <exception>
#include <string>
#include <string_view>

namespace lolpop::detail {

// `deliver()` returns "" once the notification is delivered, else why it is not.
template <class Deliver>
void deliver_or_warn(const context& ctx, std::string_view notifier, std::string_view server, log_level level,
                     Deliver&& deliver) noexcept {
    try {
        std::string failure;
        try {
            failure = deliver();
        } catch (const std::exception& e) {
            failure = e.what();
        } catch (...) {
            failure = "an unknown error";
        }
        if (!failure.empty())
            ctx.log(log_level::warn,
                    fmt::format("{} could not deliver {} {} notification to {}: {}", notifier,
                                level == log_level::info || level == log_level::error ? "an" : "a", to_string(level),
                                server, failure));
    } catch (...) {
        // The logger failed as well: the notification is lost, and the workflow goes on.
    }
}

}  // namespace lolpop::detail
