#pragma once
// A logger of the user's own whose config is not adapted with BOOST_HANA_ADAPT_STRUCT, so that
// lolpop cannot read, print or override its settings (LOLPOP_FIX: the twin adapts it).
#include <lolpop/concepts/logger.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace user {

class plain_logger {
public:
    struct config {
        std::string prefix = "lolpop";
    };
    static constexpr std::string_view name = "plain_logger";

    plain_logger(const config& cfg, lolpop::context&) : prefix_(cfg.prefix) {}
    void log(lolpop::log_level level, std::string_view message) const {
        std::clog << prefix_ << ' ' << lolpop::to_string(level) << ": " << message << '\n';
    }

private:
    std::string prefix_;
};

}  // namespace user

#ifdef LOLPOP_FIX
BOOST_HANA_ADAPT_STRUCT(user::plain_logger::config, prefix);
#endif
