#pragma once
// A notifier of the user's own without the `name` every component has (LOLPOP_FIX: the twin has
// it).
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace user {

class unnamed_notifier {
public:
    struct config {
        std::string channel = "ops";
    };
#ifdef LOLPOP_FIX
    static constexpr std::string_view name = "unnamed_notifier";
#endif

    unnamed_notifier(const config& cfg, lolpop::context&) : channel_(cfg.channel) {}
    void notify(lolpop::log_level level, std::string_view message) const {
        std::clog << '#' << channel_ << ' ' << lolpop::to_string(level) << ": " << message << '\n';
    }

private:
    std::string channel_;
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::unnamed_notifier::config, channel);
