#pragma once
// A notifier of the user's own with a config member of a type no setting has: a std::set, which
// neither a profile, --set nor --describe can hold (LOLPOP_FIX: the twin has a std::vector).
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <iostream>
#include <string>
#include <string_view>
#ifdef LOLPOP_FIX
#include <vector>
#else
#include <set>
#endif

namespace user {

class odd_notifier {
public:
    struct config {
        std::string channel = "ops";
#ifdef LOLPOP_FIX
        std::vector<int> codes;
#else
        std::set<int> codes;  // the exit codes worth a page
#endif
    };
    static constexpr std::string_view name = "odd_notifier";

    odd_notifier(const config& cfg, lolpop::context&) : channel_(cfg.channel) {}
    void notify(lolpop::log_level level, std::string_view message) const {
        std::clog << "page #" << channel_ << " (" << lolpop::to_string(level) << "): " << message << '\n';
    }

private:
    std::string channel_;
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::odd_notifier::config, channel, codes);
