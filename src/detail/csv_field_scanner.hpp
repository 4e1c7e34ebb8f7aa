#pragma once
// One RFC 4180 field at a time: the general path of the CSV reader (headers, quoted fields,
// anything the typed fast paths of csv_record_parser decline). A field ends at the delimiter, at
// '\n' or '\r', or at the end of the text.
#include <cstddef>
#include <string>
#include <string_view>

namespace lolpop::detail {

enum class csv_scan : unsigned char {
    ok,
    unterminated,   // a quoted field with no closing quote before the end of the text
    after_quote,    // something other than a delimiter or a line break after a closing quote
    incomplete,     // the text ends inside a quoted field, but more text may follow
};

inline bool is_field_end(char c, char delimiter) noexcept { return c == delimiter || c == '\n' || c == '\r'; }

// Scans the field at `pos` into `field` and leaves `pos` just after it. A quoted field's text is
// unquoted; when it has "" escapes its text lives in `scratch`, valid until the next call.
// `lines` counts the line breaks inside quotes; on `unterminated` it is left at the opening
// line. `final` says whether the text is the whole input (a quoted field running off its end is
// then unterminated, not incomplete).
inline csv_scan scan_field(std::string_view text, std::size_t& pos, std::size_t& lines, char delimiter, bool final,
                           std::string& scratch, std::string_view& field, bool& quoted) {
    const std::size_t size = text.size();
    quoted = pos < size && text[pos] == '"';
    if (!quoted) {
        const std::size_t start = pos;
        while (pos < size && !is_field_end(text[pos], delimiter)) ++pos;
        field = text.substr(start, pos - start);
        return csv_scan::ok;
    }
    std::size_t start = ++pos;
    std::size_t newlines = 0;
    bool escaped = false;
    for (;;) {
        const std::size_t q = text.find('"', pos);
        if (q == std::string_view::npos) return final ? csv_scan::unterminated : csv_scan::incomplete;
        for (std::size_t i = pos; i < q; ++i) newlines += text[i] == '\n';
        if (q + 1 == size && !final) return csv_scan::incomplete;  // the next block may start with '"'
        if (q + 1 < size && text[q + 1] == '"') {
            if (!escaped) scratch.clear();
            escaped = true;
            scratch.append(text.substr(start, q + 1 - start));
            pos = start = q + 2;
            continue;
        }
        pos = q + 1;
        lines += newlines;
        if (escaped) {
            scratch.append(text.substr(start, q - start));
            field = scratch;
        } else {
            field = text.substr(start, q - start);
        }
        if (pos < size && !is_field_end(text[pos], delimiter)) return csv_scan::after_quote;
        return csv_scan::ok;
    }
}

}  // namespace lolpop::detail
