#pragma once
// stdout_logger — "[2026-11-29T13:00:00.123Z] info: message" lines on standard output.
//
// Every level goes to standard output: one stream keeps the messages in the order they were
// logged when both streams end up in the same terminal or file, and standard error stays for the
// one-line error a profile binary prints before it exits.
#include <lolpop/concepts/logger.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string>
#include <string_view>

namespace lolpop {

class stdout_logger {
public:
    struct config {
        std::string level = "info";  // the lowest level printed: debug, info, warn or error
    };
    static constexpr std::string_view name = "stdout_logger";

    // Throws lolpop::error naming "stdout_logger.level" for an unknown level.
    stdout_logger(const config& cfg, context& ctx);

    void log(log_level level, std::string_view message) const;

private:
    log_level threshold_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::stdout_logger::config, level);

static_assert(lolpop::logger<lolpop::stdout_logger>);
