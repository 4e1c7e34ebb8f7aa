#include <lolpop/components/data_transformer/sql_data_transformer.hpp>

#include "detail/sqlite_database.hpp"
#include "detail/sqlite_frame.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace lolpop {

namespace {

using detail::sqlite_database;
using detail::sqlite_statement;

constexpr std::string_view statement_setting = "sql_data_transformer.statement";

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The statement's line holding byte `offset`, on one line with a caret before the offending token
// and cut to a window around it when long.
std::string line_with_caret(std::string_view line, std::size_t at) {
    constexpr std::size_t before = 40, after = 40;
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || first > at) first = at;
    std::size_t last = line.size();
    while (last > at && (line[last - 1] == ' ' || line[last - 1] == '\t' || line[last - 1] == '\r')) --last;
    std::string prefix, suffix;
    if (at - first > before) {
        first = at - before;
        while (first < at && is_continuation_byte(line[first])) ++first;
        prefix = "...";
    }
    if (last - at > after) {
        last = at + after;
        while (last > at && is_continuation_byte(line[last])) --last;
        suffix = "...";
    }
    return prefix + std::string(line.substr(first, at - first)) + "^" + std::string(line.substr(at, last - at)) + suffix;
}

// Throws `what` at byte `offset` of the statement: its line and column (counted in characters)
// where, and the line itself after the message.
[[noreturn]] void fail_at(std::string_view sql, std::size_t offset, const std::string& what) {
    offset = std::min(offset, sql.size());
    const std::size_t newline = offset == 0 ? std::string_view::npos : sql.rfind('\n', offset - 1);
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    const auto line = 1 + std::count(sql.begin(), sql.begin() + static_cast<std::ptrdiff_t>(line_start), '\n');
    const auto column = 1 + std::count_if(sql.begin() + static_cast<std::ptrdiff_t>(line_start),
                                          sql.begin() + static_cast<std::ptrdiff_t>(offset),
                                          [](char c) { return !is_continuation_byte(c); });
    std::size_t line_end = sql.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = sql.size();
    const std::string shown = line_with_caret(sql.substr(line_start, line_end - line_start), offset - line_start);
    throw error(fmt::format("{} — \"{}\"", what, shown), fmt::format("{}:{}:{}", statement_setting, line, column));
}

// Prepares the statement; SQLite's failures that point into it are thrown at their place.
sqlite_statement prepare(sqlite_database& db, const std::string& sql) {
    try {
        return db.prepare(sql, "run the statement");
    } catch (const error&) {
        const int offset = db.last_error_offset();
        if (offset >= 0) fail_at(sql, static_cast<std::size_t>(offset), db.last_message());
        throw;
    }
}

// Where the statement's first word starts, past white space and comments; nullopt when it holds
// nothing else.
std::optional<std::size_t> first_word(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        if (std::isspace(static_cast<unsigned char>(sql[i]))) {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            i = sql.find('\n', i);
            if (i == std::string_view::npos) return std::nullopt;
        } else if (sql.substr(i, 2) == "/*") {
            i = sql.find("*/", i + 2);
            if (i == std::string_view::npos) return std::nullopt;
            i += 2;
        } else {
            return i;
        }
    }
    return std::nullopt;
}

void check_is_query(const sqlite_statement& s) {
    if (s.column_count() == 0 || !s.read_only())
        throw error("the statement would change data; write one SELECT (or WITH ... SELECT)", std::string(statement_setting));
}

}  // namespace

sql_data_transformer::sql_data_transformer(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    if (config_.table.empty()) throw error("the table name is empty", "sql_data_transformer.table");
    const auto start = first_word(config_.statement);
    if (!start) throw error("the statement is empty", std::string(statement_setting));
    const std::string_view rest = std::string_view(config_.statement).substr(*start);
    const std::string word = lowercase(rest.substr(0, std::min(rest.size(), rest.find_first_of(" \t\r\n(;"))));
    if (word != "select" && word != "with")
        fail_at(config_.statement, *start,
                "the statement is not a query: it starts with '" + std::string(rest.substr(0, word.size())) +
                    "'; write one SELECT (or WITH ... SELECT)");

    // Without the frame's columns, the statement is prepared against a database without the table:
    // a syntax error shows now, and a statement that fails only for want of the table waits for
    // the frame.
    sqlite_database db(std::string(statement_setting), sqlite_database::access::in_memory);
    std::optional<sqlite_statement> s;
    try {
        s.emplace(prepare(db, config_.statement));
    } catch (const error&) {
        if (lowercase(db.last_message()) != "no such table: " + lowercase(config_.table)) throw;
    }
    if (s) check_is_query(*s);
}

frame sql_data_transformer::transform(const frame& data) const {
    if (data.cols() == 0) throw error("the input frame has no columns", "sql_data_transformer");
    std::map<std::string, std::string> seen;  // SQL names are the same whatever their case
    for (const auto& c : data.columns()) {
        auto [other, added] = seen.emplace(lowercase(c.name()), c.name());
        if (!added)
            throw error(fmt::format("the input has columns '{}' and '{}', which SQL does not tell apart; rename one first",
                                    other->second, c.name()),
                        "sql_data_transformer");
    }

    sqlite_database db(std::string(statement_setting), sqlite_database::access::in_memory);
    // Nothing outlives the transform: no journal to roll back with, nothing to sync.
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", "set up the in-memory database");
    {
        detail::sqlite_transaction tx(db, "load the frame");
        detail::insert_frame(db, config_.table, data, "load the frame as table '" + config_.table + "'");
        tx.commit();
    }
    auto s = prepare(db, config_.statement);
    check_is_query(s);

    std::vector<std::string> names;
    std::map<std::string, int> counts;
    for (int i = 0; i < s.column_count(); ++i) {
        names.push_back(s.column_name(i));
        if (names.back().empty())
            throw error(fmt::format("result column {} has no name; name it with AS", i + 1), std::string(statement_setting));
        ++counts[names.back()];
    }
    std::vector<std::string> repeated;
    for (const auto& name : names)
        if (counts[name] > 1 && std::find(repeated.begin(), repeated.end(), "'" + name + "'") == repeated.end())
            repeated.push_back("'" + name + "'");
    if (!repeated.empty())
        throw error(fmt::format("the result has more than one column named {}; name them apart with AS",
                                fmt::join(repeated, ", ")),
                    std::string(statement_setting));

    auto result = detail::read_sqlite_result(s, std::move(names), std::string(statement_setting));
    for (const auto& mixed : result.mixed_columns)
        ctx_->log(log_level::warn,
                  fmt::format("column '{}' of the result of {} holds numbers and text (first text '{}' at row {}): "
                              "made categorical; CAST it in the statement to choose its type",
                              mixed.column, statement_setting, mixed.text, mixed.row));
    ctx_->log(log_level::debug, fmt::format("{}: {} rows and {} columns in, {} rows and {} columns out", name,
                                            data.rows(), data.cols(), result.data.rows(), result.data.cols()));
    return std::move(result.data);
}

}  // namespace lolpop
