#pragma once
// Text to numbers for CSV cells and categorical casts: surrounding blanks and a leading '+' are
// accepted, anything else left over makes the text not a number.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>

namespace lolpop::detail {

inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline std::string_view strip_plus(std::string_view s) {
    if (s.size() > 1 && s.front() == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);
    return s;
}

inline std::optional<std::int64_t> parse_int64(std::string_view text) {
    const std::string_view s = strip_plus(trim_blanks(text));
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

inline std::optional<double> parse_double(std::string_view text) {
    const std::string_view s = strip_plus(trim_blanks(text));
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    // Out-of-range results (1e999) are not numbers we can hold faithfully.
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

// The double as an int64 when it is a whole number inside int64's range.
inline std::optional<std::int64_t> whole_number(double v) {
    // 2^63 is exact as a double; every double below it in magnitude converts without overflow.
    constexpr double limit = 9223372036854775808.0;
    if (!(v >= -limit && v < limit) || static_cast<double>(static_cast<std::int64_t>(v)) != v) return std::nullopt;
    return static_cast<std::int64_t>(v);
}

}  // namespace lolpop::detail
