#pragma once
// sql_data_transformer — reshapes a frame with one SQL query (filters, joins of the frame with
// itself, aggregates), for reshaping that column_transformer's settings cannot say.
//
// Settings
//   statement  one SELECT (or WITH ... SELECT) over the frame (required)
//   table      the frame's name in the statement (default "data")
// The frame is loaded into an in-memory SQLite database as that table (numeric columns REAL,
// integer INTEGER, categorical TEXT, missing values NULL) and the statement's result is the new
// frame. A column passed through keeps its type; a computed column is integer when it holds
// integers only, numeric when it holds numbers, categorical when it holds text; one that holds
// numbers and text becomes categorical with a warning (CAST it in the statement to choose). A
// computed column that holds no value (only NULL, or an empty result) is categorical: SQLite
// gives an expression no type of its own.
// The statement is checked for syntax at construction and against the frame's columns at each
// transform; errors give its line and column, e.g.
// "no such column: prize — "WHERE ^prize > 3" (sql_data_transformer.statement:2:7)".
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string>
#include <string_view>

namespace lolpop {

class sql_data_transformer {
public:
    struct config {
        std::string statement;
        std::string table = "data";
    };
    static constexpr std::string_view name = "sql_data_transformer";

    // Throws lolpop::error for an empty statement or table name, a statement that is not one
    // query, and a syntax error.
    sql_data_transformer(const config& cfg, context& ctx);

    // Throws lolpop::error for a statement that does not fit the frame (an unknown column), input
    // columns whose names SQL does not tell apart, and result columns without a name or with the
    // same name.
    frame transform(const frame& data) const;

private:
    config config_;
    context* ctx_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::sql_data_transformer::config, statement, table);

static_assert(lolpop::data_transformer<lolpop::sql_data_transformer>);
