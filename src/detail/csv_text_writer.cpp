#include "detail/csv_text_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace lolpop::detail {

void append_csv_field(std::string& out, std::string_view text, char delimiter) {
    const char special[] = {delimiter, '"', '\n', '\r', '\0'};
    if (text.find_first_of(special) == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

namespace {

// Writes v as fmt's "{}" does, plus ".0" when that has neither a fraction nor an exponent, and
// returns the end. The digits are fmt's own shortest round-trip digits (Dragonbox), which is
// what makes the bytes the same; the layout is fmt's: fixed for decimal exponents in [-4, 16),
// d.ddde±XX otherwise. At most 26 characters.
char* write_double(char* out, double v) {
    if (!std::isfinite(v)) {  // inf, -inf (NaN is a missing value and never gets here)
        if (v < 0) *out++ = '-';
        std::memcpy(out, "inf", 3);
        return out + 3;
    }
    if (std::signbit(v)) *out++ = '-';
    if (v == 0) {
        std::memcpy(out, "0.0", 3);
        return out + 3;
    }
    const auto decimal = fmt::detail::dragonbox::to_decimal(std::fabs(v));
    char digits[20];
    char* const digits_end = std::to_chars(digits, digits + sizeof digits, decimal.significand).ptr;
    const auto n = static_cast<int>(digits_end - digits);
    const int exponent = decimal.exponent + n - 1;  // of the first digit
    if (exponent < -4 || exponent >= 16) {
        *out++ = digits[0];
        if (n > 1) {
            *out++ = '.';
            std::memcpy(out, digits + 1, static_cast<std::size_t>(n - 1));
            out += n - 1;
        }
        *out++ = 'e';
        *out++ = exponent < 0 ? '-' : '+';
        const int magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10) *out++ = '0';
        return std::to_chars(out, out + 4, magnitude).ptr;
    }
    if (exponent < 0) {
        *out++ = '0';
        *out++ = '.';
        for (int i = -1; i > exponent; --i) *out++ = '0';
        std::memcpy(out, digits, static_cast<std::size_t>(n));
        return out + n;
    }
    const int whole = exponent + 1;
    if (whole >= n) {
        std::memcpy(out, digits, static_cast<std::size_t>(n));
        out += n;
        for (int i = n; i < whole; ++i) *out++ = '0';
        // Without a fraction or exponent the reader would take a whole double for an integer.
        std::memcpy(out, ".0", 2);
        return out + 2;
    }
    std::memcpy(out, digits, static_cast<std::size_t>(whole));
    out += whole;
    *out++ = '.';
    std::memcpy(out, digits + whole, static_cast<std::size_t>(n - whole));
    return out + (n - whole);
}

constexpr std::size_t max_number_chars = 28;

}  // namespace

void append_csv_header(std::string& out, const frame& f, char delimiter) {
    const auto& columns = f.columns();
    if (columns.empty()) return;
    // A reader drops a byte order mark at the start of the file: a first name that begins with
    // one keeps it inside quotes.
    const std::string_view first = columns.front().name();
    if (first.starts_with("\xEF\xBB\xBF")) {
        out += '"';
        for (char c : first) out.append(c == '"' ? 2 : 1, c);
        out += '"';
    } else {
        append_csv_field(out, first, delimiter);
    }
    for (std::size_t j = 1; j < columns.size(); ++j) {
        out += delimiter;
        append_csv_field(out, columns[j].name(), delimiter);
    }
    out += '\n';
}

void append_csv_rows(std::string& out, const frame& f, std::size_t begin, std::size_t end, char delimiter) {
    const auto& columns = f.columns();
    if (columns.empty() || begin >= end) return;
    struct view {
        const column* c;
        std::span<const double> numbers;
        std::span<const std::int64_t> integers;
        std::span<const std::int32_t> codes;
    };
    std::vector<view> views;
    // The most a row can take, so that each row is written through a pointer with no checks.
    std::size_t row_bound = 1;
    for (const column& c : columns) {
        view v{&c, {}, {}, {}};
        switch (c.type()) {
            case column_type::numeric: v.numbers = c.numeric_values(); break;
            case column_type::integer: v.integers = c.integer_values(); break;
            case column_type::categorical: v.codes = c.codes(); break;
        }
        std::size_t widest = max_number_chars;
        for (const auto& label : c.categories()) widest = std::max(widest, 2 * label.size() + 2);
        row_bound += widest + 1;
        views.push_back(v);
    }
    // A lone empty field would make an empty line, which readers skip.
    const bool lone = columns.size() == 1;
    std::size_t used = out.size();
    out.resize(used + std::max(row_bound, (end - begin) * columns.size() * 10));
    std::string label;
    for (std::size_t r = begin; r < end; ++r) {
        if (out.size() - used < row_bound) out.resize(std::max(out.size() * 3 / 2, used + row_bound));
        char* p = out.data() + used;
        for (std::size_t j = 0; j < views.size(); ++j) {
            if (j) *p++ = delimiter;
            const view& v = views[j];
            bool missing = false;
            switch (v.c->type()) {
                case column_type::numeric:
                    if (std::isnan(v.numbers[r])) missing = true;
                    else p = write_double(p, v.numbers[r]);
                    break;
                case column_type::integer:
                    if (v.c->is_missing(r)) missing = true;
                    else p = std::to_chars(p, p + max_number_chars, v.integers[r]).ptr;
                    break;
                case column_type::categorical:
                    if (v.codes[r] < 0) {
                        missing = true;
                    } else {
                        label.clear();
                        append_csv_field(label, v.c->categories()[static_cast<std::size_t>(v.codes[r])], delimiter);
                        std::memcpy(p, label.data(), label.size());
                        p += label.size();
                    }
                    break;
            }
            if (missing && lone) {
                *p++ = '"';
                *p++ = '"';
            }
        }
        *p++ = '\n';
        used = static_cast<std::size_t>(p - out.data());
    }
    out.resize(used);
}

}  // namespace lolpop::detail
