#include <lolpop/components/data_connector/postgres_data_connector.hpp>

#include "detail/parse_number.hpp"
#include "detail/postgres_connection.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

namespace lolpop {

namespace {

using detail::postgres_connection;
using detail::postgres_param;
using detail::postgres_result;
using detail::postgres_transaction;

constexpr std::string_view connector = "postgres_data_connector";

// The types of pg_type (src/include/catalog/pg_type.dat) a frame reads as numbers; their OIDs
// never change.
enum : Oid {
    bool_oid = 16,
    bytea_oid = 17,
    int8_oid = 20,
    int2_oid = 21,
    int4_oid = 23,
    float4_oid = 700,
    float8_oid = 701,
    numeric_oid = 1700,
};

// Runs `f`, its errors naming the connector besides the server.
template <class F>
auto named(F&& f) {
    try {
        return f();
    } catch (const error& e) {
        throw error(e.what_happened(), e.where().empty() ? std::string(connector) : std::string(connector) + ", " + e.where());
    }
}

bool is_name(std::string_view s) {
    auto starts = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
    auto continues = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; };
    return !s.empty() && starts(s.front()) && std::all_of(s.begin(), s.end(), continues);
}

// `table` or `schema.table` quoted as SQL reads it unquoted (folded to lower case), so that a
// reserved word can name a table too; nullopt for anything else.
std::optional<std::string> table_name(std::string_view s) {
    const auto dot = s.find('.');
    const std::string_view schema = dot == std::string_view::npos ? std::string_view() : s.substr(0, dot);
    const std::string_view table = dot == std::string_view::npos ? s : s.substr(dot + 1);
    if (!is_name(table) || (dot != std::string_view::npos && !is_name(schema))) return std::nullopt;
    const auto folded = [](std::string_view part) {
        std::string out(part);
        std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return detail::postgres_identifier(out);
    };
    return schema.empty() ? folded(table) : folded(schema) + "." + folded(table);
}

// The highest $n the query uses, past its string literals, quoted names and comments (0 for none).
int highest_parameter(std::string_view sql) {
    int highest = 0;
    std::size_t i = 0;
    const auto skip_to = [&](std::string_view end) {
        const auto at = sql.find(end, i);
        i = at == std::string_view::npos ? sql.size() : at + end.size();
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            ++i;
            skip_to(std::string_view(&c, 1));  // a doubled quote reads as two quoted pieces
        } else if (sql.substr(i, 2) == "--") {
            skip_to("\n");
        } else if (sql.substr(i, 2) == "/*") {
            skip_to("*/");
        } else if (c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
            int n = 0;
            for (++i; i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i])); ++i) n = std::min(n * 10 + (sql[i] - '0'), 1 << 20);
            highest = std::max(highest, n);
        } else if (c == '$') {
            // A dollar-quoted string, $tag$...$tag$, or a '$' inside a name.
            const auto close = sql.find('$', i + 1);
            const std::string_view tag = close == std::string_view::npos ? std::string_view() : sql.substr(i, close - i + 1);
            if (!tag.empty() && std::all_of(tag.begin() + 1, tag.end() - 1, [](char t) {
                    return std::isalnum(static_cast<unsigned char>(t)) || t == '_';
                })) {
                i = close + 1;
                skip_to(tag);
            } else {
                ++i;
            }
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_' || sql[i] == '$')) ++i;
        } else {
            ++i;
        }
    }
    return highest;
}

column read_column(const postgres_result& r, int c) {
    std::string name = r.column_name(c);
    const int rows = r.rows();
    switch (r.column_type(c)) {
    case int2_oid:
    case int4_oid:
    case int8_oid:
    case bool_oid: {
        const bool boolean = r.column_type(c) == bool_oid;
        std::vector<std::int64_t> values(static_cast<std::size_t>(rows));
        std::vector<bool> valid(static_cast<std::size_t>(rows), true);
        for (int row = 0; row < rows; ++row) {
            const auto at = static_cast<std::size_t>(row);
            if (r.is_null(row, c)) valid[at] = false;
            else values[at] = boolean ? (r.text(row, c) == "t" ? 1 : 0) : r.int64(row, c);
        }
        return column::integer(std::move(name), std::move(values), std::move(valid));
    }
    case float4_oid:
    case float8_oid:
    case numeric_oid: {
        std::vector<double> values(static_cast<std::size_t>(rows));
        for (int row = 0; row < rows; ++row) values[static_cast<std::size_t>(row)] = r.real(row, c);
        return column::numeric(std::move(name), std::move(values));
    }
    case bytea_oid: throw error("column '" + name + "' holds binary data (bytea), which a frame cannot hold");
    default: break;
    }
    std::vector<std::optional<std::string>> labels(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) labels[static_cast<std::size_t>(row)] = r.optional_text(row, c);
    return column::categorical(std::move(name), labels);
}

const char* sql_type(column_type t) {
    switch (t) {
    case column_type::numeric: return "double precision";
    case column_type::integer: return "bigint";
    case column_type::categorical: return "text";
    }
    return "text";
}

// Text in COPY's text format: backslash, tab, newline and carriage return escaped.
std::string copy_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

// Appends one row of the frame in COPY's text format.
class copy_rows {
public:
    explicit copy_rows(const frame& f) : f_(f) {
        for (const auto& c : f.columns()) {
            std::vector<std::string> labels;
            for (const auto& label : c.categories()) {
                if (label.find('\0') != std::string::npos)
                    throw error("column '" + c.name() + "' holds a label with a NUL byte, which PostgreSQL text cannot hold");
                labels.push_back(copy_text(label));
            }
            labels_.push_back(std::move(labels));
        }
    }

    void append(std::string& out, std::size_t row) const {
        for (std::size_t j = 0; j < f_.cols(); ++j) {
            if (j > 0) out += '\t';
            const column& c = f_.columns()[j];
            if (c.is_missing(row)) {
                out += "\\N";
                continue;
            }
            switch (c.type()) {
            case column_type::numeric: {
                const double v = c.numeric_values()[row];
                if (std::isinf(v)) out += detail::postgres_double_text(v);
                else fmt::format_to(std::back_inserter(out), "{}", v);
                break;
            }
            case column_type::integer: {
                char buffer[24];
                const auto end = std::to_chars(buffer, buffer + sizeof buffer, c.integer_values()[row]).ptr;
                out.append(buffer, end);
                break;
            }
            case column_type::categorical: out += labels_[j][static_cast<std::size_t>(c.codes()[row])]; break;
            }
        }
        out += '\n';
    }

private:
    const frame& f_;
    std::vector<std::vector<std::string>> labels_;
};

}  // namespace

postgres_data_connector::postgres_data_connector(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    if (config_.dsn.empty()) throw error("the connection string is empty", "postgres_data_connector.dsn");
}

frame postgres_data_connector::get_data(const std::string& source) {
    const auto table = table_name(source);
    const std::string purpose = table ? "read table '" + source + "'" : "run query '" + source + "'";
    std::vector<postgres_param> params;
    if (!table) {
        const int used = highest_parameter(source);
        if (static_cast<std::size_t>(used) > config_.parameters.size())
            throw error(fmt::format("query parameter '${}' has no value in setting 'parameters' (which holds {})", used,
                                    config_.parameters.size()),
                        std::string(connector));
        if (static_cast<std::size_t>(used) < config_.parameters.size())
            throw error(fmt::format("setting 'parameters' holds {} values but the query uses {}", config_.parameters.size(),
                                    used == 0 ? std::string("none") : "$1 to $" + std::to_string(used)),
                        std::string(connector));
        params.assign(config_.parameters.begin(), config_.parameters.end());
    }
    return named([&] {
        postgres_connection conn(config_.dsn.reveal());
        postgres_transaction tx(conn, purpose);
        conn.exec("SET TRANSACTION READ ONLY", purpose);
        const auto r = conn.exec_params(table ? "SELECT * FROM " + *table : source, params, purpose);
        tx.commit();
        std::vector<column> columns;
        for (int c = 0; c < r.columns(); ++c) {
            columns.push_back(read_column(r, c));
            for (int other = 0; other < c; ++other)
                if (columns[static_cast<std::size_t>(other)].name() == columns.back().name())
                    throw error("the result of " + purpose + " has two columns named '" + columns.back().name() + "'",
                                conn.where());
        }
        ctx_->log(log_level::debug, fmt::format("read {} rows from {}", r.rows(), conn.where()));
        return frame(std::move(columns));
    });
}

void postgres_data_connector::save_data(const frame& f, const std::string& table) {
    const auto quoted = table_name(table);
    if (!quoted)
        throw error("target table '" + table + "' is not a name (table or schema.table: letters, digits and '_')",
                    std::string(connector));
    if (f.cols() == 0)
        throw error("cannot save a frame with no columns to table '" + table + "'", std::string(connector));
    const std::string purpose = "replace table '" + table + "'";
    named([&] {
        const copy_rows rows(f);
        std::string create = "CREATE TABLE " + *quoted + " (";
        for (std::size_t j = 0; j < f.cols(); ++j) {
            if (j > 0) create += ", ";
            create += detail::postgres_identifier(f.columns()[j].name()) + " " + sql_type(f.columns()[j].type());
        }
        create += ")";

        postgres_connection conn(config_.dsn.reveal());
        postgres_transaction tx(conn, purpose);
        conn.exec("DROP TABLE IF EXISTS " + *quoted, purpose);
        conn.exec(create, purpose);
        // Pieces of about a megabyte: few round trips, little memory.
        std::size_t row = 0;
        conn.copy_in("COPY " + *quoted + " FROM STDIN", [&](std::string& buffer) {
            for (; row < f.rows() && buffer.size() < (1u << 20); ++row) rows.append(buffer, row);
            return row < f.rows();
        }, purpose);
        tx.commit();
        ctx_->log(log_level::debug, fmt::format("saved {} rows to table '{}' in {}", f.rows(), table, conn.where()));
    });
}

}  // namespace lolpop
