#pragma once
// stdout_notifier — "notification [warn]: message" lines on standard output, for runs watched
// from a terminal or a CI log.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string>
#include <string_view>

namespace lolpop {

class stdout_notifier {
public:
    struct config {
        std::string level = "warn";  // the lowest level printed: debug, info, warn or error
    };
    static constexpr std::string_view name = "stdout_notifier";

    // Throws lolpop::error naming "stdout_notifier.level" for an unknown level.
    stdout_notifier(const config& cfg, context& ctx);

    void notify(log_level level, std::string_view message) const;

private:
    log_level threshold_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::stdout_notifier::config, level);

static_assert(lolpop::notifier<lolpop::stdout_notifier>);
