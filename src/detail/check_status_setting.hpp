#pragma once
// A status setting ("warn" or "error") of a check component: what a violated rule becomes.
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/report.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace lolpop::detail {

// Throws lolpop::error naming `where` (the setting) unless `text` is "warn" or "error".
inline check_status parse_violation_status(std::string_view text, std::string_view where) {
    if (text == "warn") return check_status::warn;
    if (text == "error") return check_status::error;
    static constexpr std::string_view names[] = {"warn", "error"};
    std::string hint = did_you_mean(text, std::span<const std::string_view>(names));
    if (hint.empty()) hint = " (expected warn or error)";
    throw error(fmt::format("unknown status '{}'{}", text, hint), std::string(where));
}

}  // namespace lolpop::detail
