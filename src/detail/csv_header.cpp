#include "detail/csv_header.hpp"

#include "detail/csv_field_scanner.hpp"
#include "detail/csv_record_parser.hpp"
#include "detail/parse_number.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace lolpop::detail {

std::string_view without_bom(std::string_view text) noexcept {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return text;
}

bool read_csv_header(std::string_view text, bool final, std::string_view source, const csv_options& options,
                     csv_header& header) {
    const auto where = [&](std::size_t line) { return fmt::format("{}:{}", source, line); };
    std::size_t pos = 0, line = 1;
    // Blank lines before the header are skipped, as between records.
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) {
        if (text[pos] == '\r' && pos + 1 == text.size() && !final) return false;
        if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
        ++pos;
        ++line;
    }
    if (pos >= text.size()) {
        if (!final) return false;
        throw error("no header row: the CSV has no content", std::string(source));
    }

    const std::size_t header_line = line;
    const std::size_t header_start = pos;
    std::vector<std::string> names;
    std::string scratch;
    for (;;) {
        std::string_view field;
        bool quoted = false;
        const std::size_t opening_line = line;
        switch (scan_field(text, pos, line, options.delimiter, final, scratch, field, quoted)) {
            case csv_scan::ok: break;
            case csv_scan::incomplete: return false;
            case csv_scan::unterminated:
                throw error("unterminated quoted field: no closing '\"'", where(opening_line));
            case csv_scan::after_quote:
                throw error(fmt::format("unexpected '{}' after the closing quote of a field", text[pos]), where(line));
        }
        if (field.size() > options.max_field_bytes)
            throw error(fmt::format("the name of column {} of the header is {} bytes, more than max_field_bytes = {}: "
                                    "raise the setting if it is meant",
                                    names.size() + 1, field.size(), options.max_field_bytes),
                        where(header_line));
        if (pos - header_start > options.max_record_bytes)
            throw error(fmt::format("the header is more than max_record_bytes = {} bytes: raise the setting if it is "
                                    "meant",
                                    options.max_record_bytes),
                        where(header_line));
        if (field.find('\0') != field.npos)
            throw error(fmt::format("a NUL byte in the name of column {} of the header", names.size() + 1),
                        where(header_line));
        names.emplace_back(field);
        if (pos == text.size()) {
            if (!final) return false;
            break;
        }
        if (text[pos] == options.delimiter) {
            ++pos;
            continue;
        }
        if (text[pos] == '\r') {
            if (pos + 1 == text.size() && !final) return false;
            if (pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
        }
        ++pos;
        ++line;
        break;
    }

    for (std::size_t j = 0; j < names.size(); ++j) {
        if (names[j].empty())
            throw error(fmt::format("column {} of the header has no name", j + 1), where(header_line));
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(j), names[j]) !=
            names.begin() + static_cast<std::ptrdiff_t>(j))
            throw error(fmt::format("duplicate column name '{}' in the header", names[j]), where(header_line));
    }
    header.kinds.assign(names.size(), csv_kind::empty);
    header.fixed.assign(names.size(), false);
    for (const auto& [name, type] : options.column_types) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
            throw error(
                fmt::format("column_types names '{}', which is not a column{}", name, did_you_mean(name, names)),
                std::string(source));
        const auto j = static_cast<std::size_t>(it - names.begin());
        header.kinds[j] = csv_kind_of(parse_column_type(type, "column_types." + name));
        header.fixed[j] = true;
    }
    header.missing_values = options.missing_values;
    header.max_field_bytes = options.max_field_bytes;
    header.max_record_bytes = options.max_record_bytes;
    header.numeric_missing = std::any_of(options.missing_values.begin(), options.missing_values.end(), [](const auto& m) {
        double v = 0;
        return read_number(m, v) != number_text::not_number;
    });
    header.names = std::move(names);
    header.end = pos;
    header.next_line = line;
    return true;
}

void start_csv_chunk(const csv_header& header, const std::vector<csv_kind>& kinds, bool all_fixed, csv_chunk& chunk) {
    chunk = csv_chunk{};
    chunk.columns.reserve(kinds.size());
    for (std::size_t j = 0; j < kinds.size(); ++j)
        chunk.columns.emplace_back(kinds[j], all_fixed || header.fixed[j], &header.missing_values);
    chunk.typed_fast_paths = !header.numeric_missing;
    chunk.max_field_bytes = header.max_field_bytes;
    chunk.max_record_bytes = header.max_record_bytes;
}

}  // namespace lolpop::detail
