#include "detail/sqlite_frame.hpp"

#include <lolpop/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace lolpop::detail {

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// SQLite's own affinity rules (datatype3.html §3.1), for a column that holds no value to go by.
column_type declared_column_type(std::string declared) {
    std::transform(declared.begin(), declared.end(), declared.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (contains(declared, "INT")) return column_type::integer;
    if (contains(declared, "CHAR") || contains(declared, "CLOB") || contains(declared, "TEXT") ||
        contains(declared, "BLOB") || declared.empty())
        return column_type::categorical;
    return column_type::numeric;
}

// One value as read; text is kept once per distinct label (`label` indexes the column's labels),
// so that a million rows of a few categories do not hold a million strings.
struct cell {
    sqlite_value_kind kind = sqlite_value_kind::null;
    std::int32_t label = -1;
    std::int64_t integer = 0;
    double real = 0;
};

struct label_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class column_reader {
public:
    void push(const sqlite_statement& s, int i) {
        cell c;
        c.kind = s.column_kind(i);
        switch (c.kind) {
        case sqlite_value_kind::integer: c.integer = s.column_int64(i); break;
        case sqlite_value_kind::real: c.real = s.column_double(i); break;
        case sqlite_value_kind::text:
            c.label = intern(s.column_text_view(i));
            if (!first_text_) first_text_ = cells_.size();
            break;
        case sqlite_value_kind::blob:
        case sqlite_value_kind::null: break;
        }
        has_integer_ = has_integer_ || c.kind == sqlite_value_kind::integer;
        has_real_ = has_real_ || c.kind == sqlite_value_kind::real;
        cells_.push_back(c);
    }

    column finish(std::string name, const std::string& declared_type, std::vector<sqlite_mixed_column>& mixed) {
        const column_type type = first_text_ ? column_type::categorical
                                 : has_real_ ? column_type::numeric
                                 : has_integer_ ? column_type::integer
                                                : declared_column_type(declared_type);
        switch (type) {
        case column_type::categorical: {
            if (has_integer_ || has_real_)
                mixed.push_back({name, labels_[static_cast<std::size_t>(cells_[*first_text_].label)], *first_text_ + 1});
            std::vector<std::int32_t> codes;
            codes.reserve(cells_.size());
            for (const auto& c : cells_)
                codes.push_back(c.kind == sqlite_value_kind::text ? c.label
                                : c.kind == sqlite_value_kind::null ? -1
                                                                    : intern(number_text(c)));
            return column::categorical(std::move(name), std::move(codes), std::move(labels_));
        }
        case column_type::numeric: {
            std::vector<double> values;
            values.reserve(cells_.size());
            for (const auto& c : cells_)
                values.push_back(c.kind == sqlite_value_kind::integer ? static_cast<double>(c.integer)
                                 : c.kind == sqlite_value_kind::real  ? c.real
                                                                      : std::numeric_limits<double>::quiet_NaN());
            return column::numeric(std::move(name), std::move(values));
        }
        case column_type::integer: break;
        }
        std::vector<std::int64_t> values;
        std::vector<bool> valid;
        values.reserve(cells_.size());
        valid.reserve(cells_.size());
        for (const auto& c : cells_) {
            values.push_back(c.integer);
            valid.push_back(c.kind != sqlite_value_kind::null);
        }
        return column::integer(std::move(name), std::move(values), std::move(valid));
    }

private:
    std::int32_t intern(std::string_view text) {
        if (auto found = index_.find(text); found != index_.end()) return found->second;
        const auto code = static_cast<std::int32_t>(labels_.size());
        labels_.emplace_back(text);
        index_.emplace(labels_.back(), code);
        return code;
    }

    static std::string number_text(const cell& c) {
        char buffer[32];
        auto result = c.kind == sqlite_value_kind::integer ? std::to_chars(buffer, buffer + sizeof buffer, c.integer)
                                                           : std::to_chars(buffer, buffer + sizeof buffer, c.real);
        return std::string(buffer, result.ptr);
    }

    std::vector<cell> cells_;
    std::vector<std::string> labels_;
    std::unordered_map<std::string, std::int32_t, label_hash, std::equal_to<>> index_;
    std::optional<std::size_t> first_text_;
    bool has_integer_ = false;
    bool has_real_ = false;
};

const char* sql_type(column_type t) {
    switch (t) {
    case column_type::numeric: return "REAL";
    case column_type::integer: return "INTEGER";
    case column_type::categorical: return "TEXT";
    }
    return "TEXT";
}

void bind_cell(sqlite_statement& s, int index, const column& c, std::size_t row) {
    if (c.is_missing(row)) {
        s.bind_null(index);
        return;
    }
    switch (c.type()) {
    case column_type::numeric: s.bind_double(index, c.numeric_values()[row]); break;
    case column_type::integer: s.bind_int64(index, c.integer_values()[row]); break;
    case column_type::categorical:
        s.bind_text(index, c.categories()[static_cast<std::size_t>(c.codes()[row])]);
        break;
    }
}

}  // namespace

void insert_frame(sqlite_database& db, const std::string& table, const frame& f, std::string_view purpose) {
    const std::string quoted = quote_identifier(table);
    std::string create = "CREATE TABLE " + quoted + " (";
    std::string insert = "INSERT INTO " + quoted + " VALUES (";
    for (std::size_t i = 0; i < f.cols(); ++i) {
        if (i > 0) {
            create += ", ";
            insert += ", ";
        }
        create += quote_identifier(f.columns()[i].name()) + " " + sql_type(f.columns()[i].type());
        insert += '?';
        insert += std::to_string(i + 1);
    }
    create += ")";
    insert += ")";
    db.exec(create, purpose);
    auto s = db.prepare(insert, purpose);
    const int n = static_cast<int>(f.cols());
    for (std::size_t row = 0; row < f.rows(); ++row) {
        for (int i = 0; i < n; ++i) bind_cell(s, i + 1, f.columns()[static_cast<std::size_t>(i)], row);
        s.run();
        s.reset();
    }
}

sqlite_result read_sqlite_result(sqlite_statement& s, std::vector<std::string> names, const std::string& where) {
    const int n = static_cast<int>(names.size());
    std::vector<column_reader> readers(names.size());
    std::size_t row = 0;
    while (s.step()) {
        ++row;
        for (int i = 0; i < n; ++i) {
            if (s.column_kind(i) == sqlite_value_kind::blob)
                throw error("column '" + names[static_cast<std::size_t>(i)] + "' holds binary data at row " +
                                std::to_string(row) + ", which a frame cannot hold",
                            where);
            readers[static_cast<std::size_t>(i)].push(s, i);
        }
    }
    sqlite_result result;
    std::vector<column> columns;
    columns.reserve(names.size());
    for (int i = 0; i < n; ++i) {
        auto index = static_cast<std::size_t>(i);
        columns.push_back(readers[index].finish(std::move(names[index]), s.column_declared_type(i), result.mixed_columns));
    }
    result.data = frame(std::move(columns));
    return result;
}

}  // namespace lolpop::detail
