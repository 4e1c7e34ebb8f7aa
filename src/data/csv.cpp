#include <lolpop/data/csv.hpp>

#include "detail/parse_number.hpp"

#include <lolpop/data/atomic_file.hpp>
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <istream>
#include <iterator>
#include <limits>
#include <optional>
#include <ostream>
#include <vector>

namespace lolpop {
namespace {

// Splits the text into records of fields without copying, except for quoted fields with ""
// escapes, whose unescaped text is kept in `unescaped`.
class record_reader {
public:
    record_reader(std::string_view data, std::string_view source, char delimiter)
        : data_(data), source_(source), delimiter_(delimiter) {
        if (data_.starts_with("\xEF\xBB\xBF")) data_.remove_prefix(3);
    }

    // The next record, or false at the end of the input. Sets `blank` for an empty line.
    bool next(std::vector<std::string_view>& fields, bool& blank) {
        fields.clear();
        if (pos_ >= data_.size()) return false;
        record_line_ = line_;
        bool quoted = false;
        for (;;) {
            if (pos_ < data_.size() && data_[pos_] == '"') {
                quoted = true;
                fields.push_back(quoted_field());
            } else {
                const std::size_t start = pos_;
                while (pos_ < data_.size()) {
                    const char c = data_[pos_];
                    if (c == delimiter_ || c == '\n' || c == '\r') break;
                    ++pos_;
                }
                fields.push_back(data_.substr(start, pos_ - start));
            }
            if (pos_ >= data_.size()) break;
            if (data_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
            ++pos_;
            ++line_;
            break;
        }
        blank = !quoted && fields.size() == 1 && fields.front().empty();
        return true;
    }

    // The line on which the last record began.
    std::size_t record_line() const noexcept { return record_line_; }
    std::string where(std::size_t line) const { return fmt::format("{}:{}", source_, line); }

private:
    std::string_view quoted_field() {
        const std::size_t opening_line = line_;
        std::size_t start = ++pos_;
        std::string* owned = nullptr;
        for (;;) {
            const std::size_t q = data_.find('"', pos_);
            if (q == std::string_view::npos)
                throw error("unterminated quoted field: no closing '\"'", where(opening_line));
            line_ += static_cast<std::size_t>(std::count(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                         data_.begin() + static_cast<std::ptrdiff_t>(q), '\n'));
            if (q + 1 < data_.size() && data_[q + 1] == '"') {
                if (!owned) owned = &unescaped_.emplace_back();
                owned->append(data_.substr(start, q + 1 - start));
                pos_ = start = q + 2;
                continue;
            }
            pos_ = q + 1;
            if (pos_ < data_.size() && data_[pos_] != delimiter_ && data_[pos_] != '\n' && data_[pos_] != '\r')
                throw error(fmt::format("unexpected '{}' after the closing quote of a field", data_[pos_]),
                            where(line_));
            if (!owned) return data_.substr(start, q - start);
            owned->append(data_.substr(start, q - start));
            return *owned;
        }
    }

    std::string_view data_;
    std::string_view source_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t record_line_ = 1;
    // A deque never moves its elements, so views into them stay valid.
    std::deque<std::string> unescaped_;
};

struct raw_column {
    std::string_view name;
    std::vector<std::string_view> cells;
};

class column_builder {
public:
    column_builder(const record_reader& reader, const std::vector<std::size_t>& lines)
        : reader_(reader), lines_(lines) {}

    column build(const raw_column& raw, std::optional<column_type> forced) const {
        if (forced == column_type::numeric) return as_numeric(raw);
        if (forced == column_type::integer) return as_integer(raw);
        if (forced == column_type::categorical) return as_categorical(raw);
        if (auto c = inferred_integer(raw)) return *std::move(c);
        if (auto c = inferred_numeric(raw)) return *std::move(c);
        return as_categorical(raw);
    }

private:
    [[noreturn]] void bad_cell(const raw_column& raw, std::size_t row, std::string_view problem) const {
        throw error(fmt::format("'{}' in column '{}' {}", raw.cells[row], raw.name, problem),
                    reader_.where(lines_[row]));
    }

    std::optional<column> inferred_integer(const raw_column& raw) const {
        std::vector<std::int64_t> values(raw.cells.size(), 0);
        std::vector<bool> valid(raw.cells.size(), false);
        bool any = false;
        for (std::size_t r = 0; r < raw.cells.size(); ++r) {
            if (raw.cells[r].empty()) continue;
            auto v = detail::parse_int64(raw.cells[r]);
            if (!v) return std::nullopt;
            values[r] = *v;
            valid[r] = true;
            any = true;
        }
        // A column with no values at all reads as numeric, whose missing value is the usual NaN.
        if (!any) return std::nullopt;
        return column::integer(std::string(raw.name), std::move(values), std::move(valid));
    }

    std::optional<column> inferred_numeric(const raw_column& raw) const {
        std::vector<double> values(raw.cells.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t r = 0; r < raw.cells.size(); ++r) {
            if (raw.cells[r].empty()) continue;
            auto v = detail::parse_double(raw.cells[r]);
            if (!v) return std::nullopt;
            values[r] = *v;
        }
        return column::numeric(std::string(raw.name), std::move(values));
    }

    column as_numeric(const raw_column& raw) const {
        std::vector<double> values(raw.cells.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t r = 0; r < raw.cells.size(); ++r) {
            if (raw.cells[r].empty()) continue;
            auto v = detail::parse_double(raw.cells[r]);
            if (!v) bad_cell(raw, r, "is not a number");
            values[r] = *v;
        }
        return column::numeric(std::string(raw.name), std::move(values));
    }

    column as_integer(const raw_column& raw) const {
        std::vector<std::int64_t> values(raw.cells.size(), 0);
        std::vector<bool> valid(raw.cells.size(), false);
        for (std::size_t r = 0; r < raw.cells.size(); ++r) {
            if (raw.cells[r].empty()) continue;
            auto v = detail::parse_int64(raw.cells[r]);
            if (!v) {
                auto d = detail::parse_double(raw.cells[r]);
                if (!d) bad_cell(raw, r, "is not a number");
                // NaN is a missing value that a writer chose to spell out.
                if (std::isnan(*d)) continue;
                v = detail::whole_number(*d);
                if (!v) bad_cell(raw, r, "is not a whole number");
            }
            values[r] = *v;
            valid[r] = true;
        }
        return column::integer(std::string(raw.name), std::move(values), std::move(valid));
    }

    static column as_categorical(const raw_column& raw) {
        std::vector<std::optional<std::string>> labels(raw.cells.size());
        for (std::size_t r = 0; r < raw.cells.size(); ++r)
            if (!raw.cells[r].empty()) labels[r].emplace(raw.cells[r]);
        return column::categorical(std::string(raw.name), labels);
    }

    const record_reader& reader_;
    const std::vector<std::size_t>& lines_;
};

frame parse_csv(std::string_view data, std::string_view source, const csv_options& options) {
    record_reader reader(data, source, options.delimiter);
    std::vector<std::string_view> fields;
    bool blank = false;
    bool has_header = false;
    while ((has_header = reader.next(fields, blank)) && blank) {
    }
    if (!has_header) throw error("no header row: the CSV has no content", std::string(source));

    const std::size_t header_line = reader.record_line();
    std::vector<raw_column> raw(fields.size());
    std::vector<std::string> names;
    for (std::size_t j = 0; j < fields.size(); ++j) {
        if (fields[j].empty())
            throw error(fmt::format("column {} of the header has no name", j + 1), reader.where(header_line));
        if (std::find(names.begin(), names.end(), fields[j]) != names.end())
            throw error(fmt::format("duplicate column name '{}' in the header", fields[j]), reader.where(header_line));
        raw[j].name = fields[j];
        names.emplace_back(fields[j]);
    }

    std::vector<std::optional<column_type>> forced(raw.size());
    for (const auto& [name, type] : options.column_types) {
        auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
            throw error(
                fmt::format("column_types names '{}', which is not a column{}", name, did_you_mean(name, names)),
                std::string(source));
        forced[static_cast<std::size_t>(it - names.begin())] = parse_column_type(type, "column_types." + name);
    }

    std::vector<std::size_t> lines;
    while (reader.next(fields, blank)) {
        if (blank) continue;
        if (fields.size() != raw.size())
            throw error(fmt::format("row {} has {} fields, expected {}", lines.size() + 1, fields.size(), raw.size()),
                        reader.where(reader.record_line()));
        for (std::size_t j = 0; j < raw.size(); ++j) raw[j].cells.push_back(fields[j]);
        lines.push_back(reader.record_line());
    }

    const column_builder builder(reader, lines);
    std::vector<column> columns;
    columns.reserve(raw.size());
    for (std::size_t j = 0; j < raw.size(); ++j) columns.push_back(builder.build(raw[j], forced[j]));
    return frame(std::move(columns));
}

void append_field(std::string& out, std::string_view text, char delimiter) {
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

void append_double(std::string& out, double v) {
    char buf[32];
    char* end = fmt::format_to(buf, "{}", v);
    out.append(buf, end);
    // Without a fraction or exponent the reader would take a whole double for an integer.
    if (std::find_if(buf, end, [](char c) { return c == '.' || c == 'e' || c == 'n'; }) == end) out += ".0";
}

}  // namespace

frame read_csv(std::istream& in, std::string_view source_name, const csv_options& options) {
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw error("cannot read the CSV", std::string(source_name));
    return parse_csv(data, source_name, options);
}

frame read_csv_file(const std::string& path, const csv_options& options) {
    return parse_csv(read_file(path), path, options);
}

std::string to_csv(const frame& f, char delimiter) {
    std::string out;
    const auto& columns = f.columns();
    if (columns.empty()) return out;
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (j) out += delimiter;
        append_field(out, columns[j].name(), delimiter);
    }
    out += '\n';
    for (std::size_t r = 0; r < f.rows(); ++r) {
        for (std::size_t j = 0; j < columns.size(); ++j) {
            if (j) out += delimiter;
            const column& c = columns[j];
            if (c.is_missing(r)) {
                // A lone empty field would make an empty line, which readers skip.
                if (columns.size() == 1) out += "\"\"";
                continue;
            }
            switch (c.type()) {
                case column_type::numeric: append_double(out, c.numeric_values()[r]); break;
                case column_type::integer: fmt::format_to(std::back_inserter(out), "{}", c.integer_values()[r]); break;
                case column_type::categorical:
                    append_field(out, c.categories()[static_cast<std::size_t>(c.codes()[r])], delimiter);
                    break;
            }
        }
        out += '\n';
    }
    return out;
}

void write_csv(const frame& f, std::ostream& out, char delimiter) {
    const std::string text = to_csv(f, delimiter);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace lolpop
