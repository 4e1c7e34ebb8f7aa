#pragma once
// A notifier of the user's own, correct in itself: the cases that use it get its settings wrong
// (an int, an unsigned and a string).
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace user {

class pager_notifier {
public:
    struct config {
        int max_lines = 20;    // lines of a message sent; the rest is cut
        unsigned retries = 3;  // sends attempted before a message is dropped
        std::string channel = "ops";
    };
    static constexpr std::string_view name = "pager_notifier";

    pager_notifier(const config& cfg, lolpop::context&) : config_(cfg) {}
    void notify(lolpop::log_level level, std::string_view message) const {
        std::clog << "page #" << config_.channel << " (" << lolpop::to_string(level) << ", " << config_.max_lines << " lines max): " << message << '\n';
    }

private:
    config config_;
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::pager_notifier::config, max_lines, retries, channel);

static_assert(lolpop::notifier<user::pager_notifier>);
