#include <lolpop/core/context.hpp>

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <span>

namespace lolpop {

std::string_view to_string(log_level l) noexcept {
    switch (l) {
        case log_level::debug: return "debug";
        case log_level::info: return "info";
        case log_level::warn: return "warn";
        case log_level::error: return "error";
    }
    return "unknown";
}

log_level parse_log_level(std::string_view s, std::string_view where) {
    for (log_level l : {log_level::debug, log_level::info, log_level::warn, log_level::error})
        if (s == to_string(l)) return l;
    static const std::string_view names[] = {"debug", "info", "warn", "error"};
    std::string hint = did_you_mean(s, std::span<const std::string_view>(names));
    if (hint.empty()) hint = " (expected debug, info, warn or error)";
    throw error("unknown log level '" + std::string(s) + "'" + hint, std::string(where));
}

}  // namespace lolpop
