#pragma once
// Frames into and out of SQLite, shared by sqlite_data_connector and sql_data_transformer so that
// both store and type alike. A frame's columns are stored as INTEGER, REAL and TEXT, missing
// values as NULL. A query's result becomes columns typed by their values: integers only give an
// integer column, reals (alone or with integers) a numeric one, text a categorical one in which
// numbers read as their text, NULL a missing value; a column with no value takes its type from its
// declaration (SQLite's affinity rules: INT.. integer, CHAR/CLOB/TEXT/BLOB or none categorical,
// anything else numeric).
#include "detail/sqlite_database.hpp"

#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

// A column that held numbers and text, read as categorical: the caller tells the user, since the
// numbers changed type.
struct sqlite_mixed_column {
    std::string column;
    std::string text;  // its first text value
    std::size_t row;   // of that value, from 1
};

struct sqlite_result {
    frame data;
    std::vector<sqlite_mixed_column> mixed_columns;
};

// Creates `table` (unquoted) with the frame's columns and inserts its rows through one prepared
// statement; the caller holds the transaction. `purpose` completes "cannot ..." in errors.
void insert_frame(sqlite_database& db, const std::string& table, const frame& f, std::string_view purpose);

// Steps `s` to its end. `names` are the result's column names, which the caller has checked; a
// BLOB value is an error naming `where`.
sqlite_result read_sqlite_result(sqlite_statement& s, std::vector<std::string> names, const std::string& where);

}  // namespace lolpop::detail
