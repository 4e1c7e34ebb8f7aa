#pragma once
// A string as JSON text, for the writers whose output other programs read (JSON log lines,
// webhook payloads). A message may quote bytes from any input file, so bytes that are not UTF-8
// become U+FFFD: the output stays valid JSON whatever the message holds.
#include "detail/utf8.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace lolpop::detail {

inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(s.substr(i));
            if (length == 0) {
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
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) out += fmt::format("\\u{:04x}", c);
                else out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

}  // namespace lolpop::detail
