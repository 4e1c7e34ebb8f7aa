#include "detail/csv_record_parser.hpp"

#include "detail/csv_field_scanner.hpp"

#include <lolpop/core/error.hpp>

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <system_error>

namespace lolpop::detail {
namespace {

// A decimal at `p` that ends where its field does and needs no second opinion. fast_float and
// std::from_chars agree on every token but the out-of-range ones (1e999, 1e-999), to which
// fast_float gives inf or 0 where from_chars refuses: those, and NaN, go to the general path.
inline bool fast_double(const char* p, const char* stop, char delimiter, double& v, const char*& end) {
    if (p == stop || *p == '"') return false;
    // The common short case first, [-]digits[.digits] with at most 19 digits and a value below
    // 2^53: the digits as an integer divided by an exact power of ten, a division IEEE rounds
    // correctly, is then the correctly rounded decimal (Clinger's fast path).
    {
        static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        const bool negative = *p == '-';
        const char* q = p + negative;
        const char* const first = q;
        std::uint64_t m = 0;
        while (q != stop && static_cast<unsigned char>(*q - '0') < 10) m = m * 10 + static_cast<unsigned char>(*q++ - '0');
        const auto whole_digits = q - first;
        std::ptrdiff_t fraction_digits = 0;
        if (whole_digits > 0 && q != stop && *q == '.') {
            const char* const fraction = ++q;
            while (q != stop && static_cast<unsigned char>(*q - '0') < 10)
                m = m * 10 + static_cast<unsigned char>(*q++ - '0');
            fraction_digits = q - fraction;
            if (fraction_digits == 0) q = p;  // "1." : left to the general path
        }
        if (whole_digits > 0 && q != p && whole_digits + fraction_digits <= 19 && m <= (std::uint64_t{1} << 53) &&
            (q == stop || is_field_end(*q, delimiter))) {
            v = static_cast<double>(m) / powers[fraction_digits];
            if (negative) v = -v;
            end = q;
            return true;
        }
    }
    const auto r = fast_float::from_chars(p, stop, v);
    if (r.ec != std::errc() || (r.ptr != stop && !is_field_end(*r.ptr, delimiter)) || !std::isfinite(v)) return false;
    if (v == 0)
        for (const char* c = p; c != r.ptr; ++c)
            if (*c >= '1' && *c <= '9') return false;
    end = r.ptr;
    return true;
}

// A whole number of at most 18 digits at `p`, optionally negative, that ends where its field
// does: exactly what parse_int64 accepts of such text. Anything else takes the general path.
inline bool fast_integer(const char* p, const char* stop, char delimiter, std::int64_t& v, bool& negative_zero,
                         const char*& end) {
    if (p == stop) return false;
    const bool negative = *p == '-';
    const char* q = p + negative;
    const char* const digits = q;
    std::uint64_t u = 0;
    while (q != stop && static_cast<unsigned char>(*q - '0') < 10) {
        u = u * 10 + static_cast<unsigned char>(*q - '0');
        ++q;
    }
    const auto n = q - digits;
    if (n == 0 || n > 18 || (q != stop && !is_field_end(*q, delimiter))) return false;
    v = negative ? -static_cast<std::int64_t>(u) : static_cast<std::int64_t>(u);
    negative_zero = negative && u == 0;
    end = q;
    return true;
}

}  // namespace

void throw_csv_problem(const csv_problem& problem, std::string_view source, std::size_t first_line,
                       std::size_t first_row, const std::vector<std::string>& names) {
    const std::size_t columns = names.size();
    std::string where = fmt::format("{}:{}", source, first_line + problem.line);
    switch (problem.kind) {
        case csv_problem::what::ragged:
            throw error(fmt::format("row {} has {} fields, expected {}", first_row + problem.row + 1, problem.fields,
                                    columns),
                        std::move(where));
        case csv_problem::what::unterminated:
            throw error("unterminated quoted field: no closing '\"'", std::move(where));
        case csv_problem::what::after_quote:
            throw error(fmt::format("unexpected '{}' after the closing quote of a field", problem.after),
                        std::move(where));
        case csv_problem::what::long_field:
            throw error(fmt::format("a field of column '{}' is more than max_field_bytes = {} bytes: raise the "
                                    "setting if it is meant",
                                    names[problem.column], problem.limit),
                        std::move(where));
        case csv_problem::what::long_record:
            throw error(fmt::format("row {} is more than max_record_bytes = {} bytes: raise the setting if it is meant",
                                    first_row + problem.row + 1, problem.limit),
                        std::move(where));
    }
    throw error("malformed CSV", std::move(where));
}

void throw_csv_bad_cell(const csv_bad_cell& cell, std::string_view column, std::string_view source,
                        std::size_t first_line, std::string_view hint) {
    std::string where = fmt::format("{}:{}", source, first_line + cell.line);
    if (cell.fault == csv_cell_fault::nul_byte)
        throw error(fmt::format("a NUL byte in a field of column '{}'{}", column, hint), std::move(where));
    // Only the start of a long cell: a ten-million-digit number makes no readable message.
    constexpr std::size_t shown = 64;
    const std::string text = cell.text.size() > shown ? cell.text.substr(0, shown) + "..." : cell.text;
    const char* what = cell.fault == csv_cell_fault::not_whole    ? "is not a whole number"
                       : cell.fault == csv_cell_fault::not_finite ? "is not a finite number a double can hold"
                                                                  : "is not a number";
    throw error(fmt::format("'{}' in column '{}' {}{}", text, column, what, hint), std::move(where));
}

std::string_view csv_field_of(std::string_view text, char delimiter, std::size_t start, std::size_t j,
                              std::string& scratch) {
    std::size_t pos = start, lines = 0;
    std::string_view field;
    bool quoted = false;
    for (std::size_t k = 0;; ++k) {
        (void)scan_field(text, pos, lines, delimiter, true, scratch, field, quoted);
        if (k == j) return field;
        ++pos;  // the delimiter
    }
}

void parse_csv_records(std::string_view text, char delimiter, std::size_t begin, std::size_t limit, bool final,
                       std::size_t max_rows, csv_chunk& chunk) {
    const char* const base = text.data();
    const char* const stop = base + text.size();
    const std::size_t size = text.size();
    const std::size_t ncols = chunk.columns.size();
    csv_column_accumulator* const columns = chunk.columns.data();
    std::string scratch, rescan_scratch;
    std::size_t pos = begin, lines = chunk.lines;

    const auto problem = [&](csv_problem::what kind, std::size_t line, std::size_t fields, char after) {
        chunk.problem = csv_problem{kind, line, chunk.rows, fields, after, 0, 0};
    };
    const std::size_t max_field = chunk.max_field_bytes, max_record = chunk.max_record_bytes;
    const auto incomplete = [&] {
        chunk.incomplete = true;
        for (std::size_t j = 0; j < ncols; ++j)
            if (!columns[j].truncate(chunk.rows)) chunk.restart = true;
    };
    // Scans a field by the general path; false when the record cannot go on.
    const auto general_field = [&](std::string_view& field) {
        bool quoted = false;
        const std::size_t opening_line = lines;
        switch (scan_field(text, pos, lines, delimiter, final, scratch, field, quoted)) {
            case csv_scan::ok: return true;
            case csv_scan::unterminated: problem(csv_problem::what::unterminated, opening_line, 0, 0); return false;
            case csv_scan::after_quote: problem(csv_problem::what::after_quote, lines, 0, text[pos]); return false;
            case csv_scan::incomplete: incomplete(); return false;
        }
        return false;
    };

    while (pos < limit && chunk.rows < max_rows) {
        const char first = base[pos];
        if (first == '\n' || first == '\r') {  // a blank line
            if (first == '\r' && pos + 1 == size && !final) {
                chunk.incomplete = true;
                return;
            }
            if (first == '\r' && pos + 1 < size && base[pos + 1] == '\n') ++pos;
            chunk.end = ++pos;
            chunk.lines = ++lines;
            continue;
        }
        const std::size_t record = pos, record_line = lines;
        for (std::size_t j = 0;; ++j) {
            csv_column_accumulator& column = columns[j];
            const char* end = nullptr;
            bool stored = false;
            if (!chunk.typed_fast_paths) {
                // every cell takes the general path
            } else if (column.kind() == csv_kind::integer) {
                std::int64_t v = 0;
                bool negative_zero = false;
                if (fast_integer(base + pos, stop, delimiter, v, negative_zero, end)) {
                    column.push_integer(v, negative_zero);
                    stored = true;
                }
            } else if (column.kind() == csv_kind::numeric) {
                double v = 0;
                if (fast_double(base + pos, stop, delimiter, v, end)) {
                    column.push_double(v);
                    stored = true;
                }
            }
            if (stored) {
                if (static_cast<std::size_t>(end - (base + pos)) > max_field) {
                    chunk.problem = csv_problem{csv_problem::what::long_field, record_line, chunk.rows, 0, 0, j, max_field};
                    return;
                }
                pos = static_cast<std::size_t>(end - base);
            } else {
                std::string_view field;
                const std::size_t field_start = pos;
                if (!general_field(field)) {
                    // An unfinished field already longer than the limit will not get shorter.
                    if (chunk.incomplete && size - field_start > max_field) {
                        chunk.incomplete = false;
                        chunk.problem = csv_problem{csv_problem::what::long_field, record_line, chunk.rows, 0, 0, j, max_field};
                    }
                    return;
                }
                if (pos - field_start > max_field || pos - record > max_record) {
                    chunk.problem = pos - field_start > max_field
                                        ? csv_problem{csv_problem::what::long_field, record_line, chunk.rows, 0, 0, j, max_field}
                                        : csv_problem{csv_problem::what::long_record, record_line, chunk.rows, 0, 0, 0, max_record};
                    return;
                }
                if (column.push_text(field, record_line) == csv_column_accumulator::outcome::needs_categorical) {
                    column.widen(csv_kind::categorical, [&](std::size_t r) {
                        return csv_field_of(text, delimiter, chunk.record_starts[r], j, rescan_scratch);
                    });
                    (void)column.push_text(field, record_line);
                }
            }

            if (pos == size) {
                if (!final) return incomplete();
                if (j + 1 < ncols) return problem(csv_problem::what::ragged, record_line, j + 1, 0);
                break;
            }
            if (base[pos] == delimiter) {
                ++pos;
                if (j + 1 < ncols) continue;
                // More fields than columns: count them, as a problem in a later field comes first.
                std::size_t fields = ncols + 1;
                for (std::string_view field;; ++fields) {
                    if (!general_field(field)) return;
                    if (pos == size || base[pos] != delimiter) break;
                    ++pos;
                }
                if (pos == size && !final) return incomplete();
                return problem(csv_problem::what::ragged, record_line, fields, 0);
            }
            if (j + 1 < ncols) return problem(csv_problem::what::ragged, record_line, j + 1, 0);
            if (base[pos] == '\r') {
                if (pos + 1 == size && !final) return incomplete();
                if (pos + 1 < size && base[pos + 1] == '\n') ++pos;
            }
            ++pos;
            ++lines;
            break;
        }
        if (pos - record > max_record) {
            chunk.problem = csv_problem{csv_problem::what::long_record, record_line, chunk.rows, 0, 0, 0, max_record};
            return;
        }
        chunk.record_starts.push_back(record);
        ++chunk.rows;
        chunk.end = pos;
        chunk.lines = lines;
    }
}

}  // namespace lolpop::detail
