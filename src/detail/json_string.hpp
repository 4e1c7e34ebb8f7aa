#pragma once
// A string as JSON text, for the writers whose output other programs read (JSON log lines,
// webhook payloads). A message may quote bytes from any input file, so bytes that are not UTF-8
// become U+FFFD: the output stays valid JSON whatever the message holds.
#include "detail/utf8.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace lolpop::detail {

// What to do with bytes that are not UTF-8: replace each with U+FFFD, or stop.
enum class invalid_utf8 { replace, stop };

// Appends `s` as a JSON string: '"', '\\' and control characters escaped (\n, \r, \t, the others
// as \u00XX), UTF-8 as it is. The same text always gives the same bytes, which frame
// files, whose bytes are hashed, rely on. Returns false, having appended part of it, when it
// stops at bytes that are not UTF-8.
inline bool append_json_string(std::string& out, std::string_view s, invalid_utf8 policy = invalid_utf8::replace) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(s.substr(i));
            if (length == 0) {
                if (policy == invalid_utf8::stop) return false;
                out += "\\ufffd";
                ++i;
            } else {
                out += s.substr(i, length);
                i += length;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) out += fmt::format("\\u{:04x}", c);
                else out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
    return true;
}

}  // namespace lolpop::detail
