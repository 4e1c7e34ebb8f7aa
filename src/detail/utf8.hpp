#pragma once
// UTF-8 validation shared by the writers that must emit valid text (JSON log lines, SVG).
#include <cstddef>
#include <string_view>

namespace lolpop::detail {

// The length of the well-formed UTF-8 sequence that starts `s` (Unicode, table 3-7), or 0.
inline std::size_t utf8_sequence_length(std::string_view s) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char first = byte(0);
    std::size_t length = 0;
    unsigned char second_min = 0x80, second_max = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) {
        length = 2;
    } else if (first >= 0xE0 && first <= 0xEF) {
        length = 3;
        if (first == 0xE0) second_min = 0xA0;  // overlong
        if (first == 0xED) second_max = 0x9F;  // surrogates
    } else if (first >= 0xF0 && first <= 0xF4) {
        length = 4;
        if (first == 0xF0) second_min = 0x90;  // overlong
        if (first == 0xF4) second_max = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;
    }
    if (s.size() < length || byte(1) < second_min || byte(1) > second_max) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
    return length;
}

}  // namespace lolpop::detail
