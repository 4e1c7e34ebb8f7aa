#include <lolpop/components/data_connector/sqlite_data_connector.hpp>

#include "detail/sqlite_database.hpp"

#include <lolpop/core/error.hpp>

#include <range/v3/view/enumerate.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace lolpop {

namespace {

using detail::quote_identifier;
using detail::sqlite_database;
using detail::sqlite_statement;
using detail::sqlite_transaction;
using detail::sqlite_value_kind;

bool is_identifier(std::string_view s) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    return !s.empty() && !std::isdigit(static_cast<unsigned char>(s.front())) && std::all_of(s.begin(), s.end(), word);
}

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

struct cell {
    sqlite_value_kind kind = sqlite_value_kind::null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
};

std::string cell_text(const cell& c) {
    if (c.kind == sqlite_value_kind::text) return c.text;
    char buffer[32];
    auto result = c.kind == sqlite_value_kind::integer ? std::to_chars(buffer, buffer + sizeof buffer, c.integer)
                                                       : std::to_chars(buffer, buffer + sizeof buffer, c.real);
    return std::string(buffer, result.ptr);
}

column build_column(std::string name, const std::string& declared_type, const std::vector<cell>& cells) {
    auto has = [&](sqlite_value_kind k) {
        return std::any_of(cells.begin(), cells.end(), [k](const cell& c) { return c.kind == k; });
    };
    column_type type = has(sqlite_value_kind::text)      ? column_type::categorical
                       : has(sqlite_value_kind::real)    ? column_type::numeric
                       : has(sqlite_value_kind::integer) ? column_type::integer
                                                         : declared_column_type(declared_type);
    switch (type) {
    case column_type::categorical: {
        std::vector<std::optional<std::string>> labels;
        labels.reserve(cells.size());
        for (const auto& c : cells)
            labels.push_back(c.kind == sqlite_value_kind::null ? std::nullopt : std::optional(cell_text(c)));
        return column::categorical(std::move(name), labels);
    }
    case column_type::numeric: {
        std::vector<double> values;
        values.reserve(cells.size());
        for (const auto& c : cells)
            values.push_back(c.kind == sqlite_value_kind::integer ? static_cast<double>(c.integer)
                             : c.kind == sqlite_value_kind::real  ? c.real
                                                                  : std::numeric_limits<double>::quiet_NaN());
        return column::numeric(std::move(name), std::move(values));
    }
    case column_type::integer: break;
    }
    std::vector<std::int64_t> values;
    std::vector<bool> valid;
    values.reserve(cells.size());
    valid.reserve(cells.size());
    for (const auto& c : cells) {
        values.push_back(c.integer);
        valid.push_back(c.kind != sqlite_value_kind::null);
    }
    return column::integer(std::move(name), std::move(values), std::move(valid));
}

void bind_parameters(sqlite_statement& s, const std::map<std::string, std::string>& parameters,
                     const std::string& path) {
    for (int i = 1; i <= s.parameter_count(); ++i) {
        auto spelled = s.parameter_name(i);
        if (spelled.empty() || spelled.front() == '?')
            throw error("the query has a positional parameter; name it (:name) and set it in 'parameters'", path);
        auto value = parameters.find(spelled.substr(1));
        if (value == parameters.end())
            throw error("query parameter '" + spelled + "' has no value in setting 'parameters'", path);
        s.bind_text(i, value->second);
    }
}

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

sqlite_data_connector::sqlite_data_connector(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    if (config_.path.empty()) throw error("the database path is empty", "sqlite_data_connector setting 'path'");
}

frame sqlite_data_connector::get_data(const std::string& source) {
    sqlite_database db(config_.path, sqlite_database::access::read_only);
    const bool is_table = is_identifier(source);
    const std::string purpose = is_table ? "read table '" + source + "'" : "run query '" + source + "'";
    auto s = db.prepare(is_table ? "SELECT * FROM " + quote_identifier(source) : source, purpose);
    if (!is_table) {
        if (!s.read_only()) throw error("query '" + source + "' would change the database; only reads are allowed", db.path());
        bind_parameters(s, config_.parameters, db.path());
    }

    const int n = s.column_count();
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
        auto column_name = s.column_name(i);
        if (std::find(names.begin(), names.end(), column_name) != names.end())
            throw error("the result of " + purpose + " has two columns named '" + column_name + "'", db.path());
        names.push_back(std::move(column_name));
    }

    std::vector<std::vector<cell>> cells(static_cast<std::size_t>(n));
    std::size_t row = 0;
    while (s.step()) {
        ++row;
        for (int i = 0; i < n; ++i) {
            cell c{s.column_kind(i), 0, 0, {}};
            switch (c.kind) {
            case sqlite_value_kind::integer: c.integer = s.column_int64(i); break;
            case sqlite_value_kind::real: c.real = s.column_double(i); break;
            case sqlite_value_kind::text: c.text = s.column_text(i); break;
            case sqlite_value_kind::blob:
                throw error("column '" + names[static_cast<std::size_t>(i)] + "' holds binary data at row " +
                                std::to_string(row) + ", which a frame cannot hold",
                            db.path());
            case sqlite_value_kind::null: break;
            }
            cells[static_cast<std::size_t>(i)].push_back(std::move(c));
        }
    }

    std::vector<column> columns;
    for (int i = 0; i < n; ++i) {
        auto index = static_cast<std::size_t>(i);
        columns.push_back(build_column(std::move(names[index]), s.column_declared_type(i), cells[index]));
    }
    ctx_->log(log_level::debug, "read " + std::to_string(row) + " rows from " + config_.path);
    return frame(std::move(columns));
}

void sqlite_data_connector::save_data(const frame& f, const std::string& table) {
    if (table.empty()) throw error("the target table name is empty", config_.path);
    if (f.cols() == 0) throw error("cannot save a frame with no columns to table '" + table + "'", config_.path);

    sqlite_database db(config_.path, sqlite_database::access::read_write);
    const std::string purpose = "replace table '" + table + "'";
    const std::string quoted = quote_identifier(table);
    std::string create = "CREATE TABLE " + quoted + " (";
    std::string insert = "INSERT INTO " + quoted + " VALUES (";
    for (const auto& [i, c] : ranges::views::enumerate(f.columns())) {
        if (i > 0) {
            create += ", ";
            insert += ", ";
        }
        create += quote_identifier(c.name()) + " " + sql_type(c.type());
        insert += '?';
        insert += std::to_string(i + 1);
    }
    create += ")";
    insert += ")";

    sqlite_transaction tx(db, purpose);
    db.exec("DROP TABLE IF EXISTS " + quoted, purpose);
    db.exec(create, purpose);
    auto s = db.prepare(insert, purpose);
    for (std::size_t row = 0; row < f.rows(); ++row) {
        for (const auto& [i, c] : ranges::views::enumerate(f.columns())) bind_cell(s, static_cast<int>(i + 1), c, row);
        s.run();
        s.reset();
    }
    tx.commit();
    ctx_->log(log_level::debug, "saved " + std::to_string(f.rows()) + " rows to table '" + table + "' in " + config_.path);
}

}  // namespace lolpop
