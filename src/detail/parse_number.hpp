#pragma once
// Text to numbers for CSV cells and categorical casts: surrounding blanks and a leading '+' are
// accepted, anything else left over makes the text not a number.
#include <fast_float/fast_float.h>

#include <charconv>
#include <cmath>
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

// What a CSV cell's text is as a number. `overflow` is number-shaped text beyond a double's range
// (1e400, a thousand-digit integer); `word` is one of the spellings of infinity or NaN ("inf",
// "-Infinity", "nan"), which may also be a label ("Nan" the name).
enum class number_text : unsigned char { not_number, finite, overflow, word };

// Reads `text` as parse_double does, but tells the ways it can fail apart, and reads underflow
// (1e-400) as the correctly rounded double (0 or a subnormal), as strtod does.
inline number_text read_number(std::string_view text, double& v) {
    const std::string_view s = strip_plus(trim_blanks(text));
    if (s.empty()) return number_text::not_number;
    const char* const first = s.data();
    const char* const last = first + s.size();
    const auto [end, ec] = std::from_chars(first, last, v);
    if (end != last || ec == std::errc::invalid_argument) return number_text::not_number;
    if (ec == std::errc::result_out_of_range) {
        // from_chars refuses both ways out of range; fast_float rounds, to inf only on overflow.
        double rounded = 0;
        (void)fast_float::from_chars(first, last, rounded);
        if (std::isinf(rounded)) return number_text::overflow;
        v = rounded;
        return number_text::finite;
    }
    return std::isfinite(v) ? number_text::finite : number_text::word;
}

// The double as an int64 when it is a whole number inside int64's range.
inline std::optional<std::int64_t> whole_number(double v) {
    // 2^63 is exact as a double; every double below it in magnitude converts without overflow.
    constexpr double limit = 9223372036854775808.0;
    if (!(v >= -limit && v < limit) || static_cast<double>(static_cast<std::int64_t>(v)) != v) return std::nullopt;
    return static_cast<std::int64_t>(v);
}

}  // namespace lolpop::detail
