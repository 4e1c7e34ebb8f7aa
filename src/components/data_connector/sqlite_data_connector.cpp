#include <lolpop/components/data_connector/sqlite_data_connector.hpp>

#include "detail/sqlite_database.hpp"
#include "detail/sqlite_frame.hpp"

#include <lolpop/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace lolpop {

namespace {

using detail::quote_identifier;
using detail::sqlite_database;
using detail::sqlite_statement;
using detail::sqlite_transaction;

bool is_identifier(std::string_view s) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    return !s.empty() && !std::isdigit(static_cast<unsigned char>(s.front())) && std::all_of(s.begin(), s.end(), word);
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

    auto result = detail::read_sqlite_result(s, std::move(names), db.path());
    for (const auto& mixed : result.mixed_columns)
        ctx_->log(log_level::warn, "column '" + mixed.column + "' of the result of " + purpose + " in " + config_.path +
                                       " holds numbers and text (first text '" + mixed.text + "' at row " +
                                       std::to_string(mixed.row) + "): read as categorical; CAST it in a query to choose its type");
    ctx_->log(log_level::debug, "read " + std::to_string(result.data.rows()) + " rows from " + config_.path);
    return std::move(result.data);
}

void sqlite_data_connector::save_data(const frame& f, const std::string& table) {
    if (table.empty()) throw error("the target table name is empty", config_.path);
    if (f.cols() == 0) throw error("cannot save a frame with no columns to table '" + table + "'", config_.path);

    sqlite_database db(config_.path, sqlite_database::access::read_write);
    const std::string purpose = "replace table '" + table + "'";
    sqlite_transaction tx(db, purpose);
    db.exec("DROP TABLE IF EXISTS " + quote_identifier(table), purpose);
    detail::insert_frame(db, table, f, purpose);
    tx.commit();
    ctx_->log(log_level::debug, "saved " + std::to_string(f.rows()) + " rows to table '" + table + "' in " + config_.path);
}

}  // namespace lolpop
