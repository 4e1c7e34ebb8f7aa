#include "detail/csv_text_writer.hpp"

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

void append_csv_double(std::string& out, double v) {
    // The shortest digits that round-trip, as d.ddde±XX; then laid out as fmt does: fixed for
    // decimal exponents in [-4, 16), scientific (exactly to_chars' form) otherwise.
    char sci[40];
    char* const end = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific).ptr;
    const char* e = static_cast<const char*>(std::memchr(sci, 'e', static_cast<std::size_t>(end - sci)));
    if (!e) {  // inf, -inf (NaN is a missing value and never gets here)
        out.append(sci, end);
        return;
    }
    int exponent = 0;
    std::from_chars(e + (e[1] == '+' ? 2 : 1), end, exponent);
    if (exponent < -4 || exponent >= 16) {
        out.append(sci, end);
        return;
    }
    const char* p = sci;
    if (*p == '-') out += *p++;
    char digits[24];
    std::size_t n = 0;
    for (; p != e; ++p)
        if (*p != '.') digits[n++] = *p;
    if (exponent < 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out.append(digits, n);
        return;
    }
    const auto whole = static_cast<std::size_t>(exponent) + 1;
    if (whole >= n) {
        out.append(digits, n);
        out.append(whole - n, '0');
        // Without a fraction or exponent the reader would take a whole double for an integer.
        out += ".0";
        return;
    }
    out.append(digits, whole);
    out += '.';
    out.append(digits + whole, n - whole);
}

void append_csv_header(std::string& out, const frame& f, char delimiter) {
    const auto& columns = f.columns();
    if (columns.empty()) return;
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (j) out += delimiter;
        append_csv_field(out, columns[j].name(), delimiter);
    }
    out += '\n';
}

void append_csv_rows(std::string& out, const frame& f, std::size_t begin, std::size_t end, char delimiter) {
    const auto& columns = f.columns();
    if (columns.empty()) return;
    // Enough for most rows of numbers: growing the buffer is then rare.
    out.reserve(out.size() + (end - begin) * columns.size() * 12);
    struct view {
        const column* c;
        std::span<const double> numbers;
        std::span<const std::int64_t> integers;
        std::span<const std::int32_t> codes;
    };
    std::vector<view> views;
    for (const column& c : columns) {
        view v{&c, {}, {}, {}};
        switch (c.type()) {
            case column_type::numeric: v.numbers = c.numeric_values(); break;
            case column_type::integer: v.integers = c.integer_values(); break;
            case column_type::categorical: v.codes = c.codes(); break;
        }
        views.push_back(v);
    }
    // A lone empty field would make an empty line, which readers skip.
    const std::string_view lone_missing = columns.size() == 1 ? "\"\"" : "";
    for (std::size_t r = begin; r < end; ++r) {
        for (std::size_t j = 0; j < views.size(); ++j) {
            if (j) out += delimiter;
            const view& v = views[j];
            switch (v.c->type()) {
                case column_type::numeric:
                    if (std::isnan(v.numbers[r])) out += lone_missing;
                    else append_csv_double(out, v.numbers[r]);
                    break;
                case column_type::integer:
                    if (v.c->is_missing(r)) {
                        out += lone_missing;
                    } else {
                        char buf[24];
                        out.append(buf, std::to_chars(buf, buf + sizeof buf, v.integers[r]).ptr);
                    }
                    break;
                case column_type::categorical:
                    if (v.codes[r] < 0) out += lone_missing;
                    else append_csv_field(out, v.c->categories()[static_cast<std::size_t>(v.codes[r])], delimiter);
                    break;
            }
        }
        out += '\n';
    }
}

}  // namespace lolpop::detail
