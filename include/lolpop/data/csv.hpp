#pragma once
// RFC 4180 CSV to and from frames: quoted fields, embedded commas, quotes and newlines; a header
// row is required; an empty field is a missing value.
#include <lolpop/core/frame.hpp>

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

namespace lolpop {

struct csv_options {
    char delimiter = ',';
    // Column name -> "numeric", "integer" or "categorical". Other columns are inferred: integer
    // when every present value is a whole number, numeric when every one is a number,
    // categorical otherwise.
    std::map<std::string, std::string> column_types;
    // Threads that parse the input (0 = every core). The reader parses on one thread for now.
    unsigned threads = 0;
};

// Throws lolpop::error naming `source_name`, the line and the column for ragged rows, bad
// numbers in a typed column, an unterminated quote or a missing or duplicate header.
frame read_csv(std::istream& in, std::string_view source_name, const csv_options& options = {});
frame read_csv_file(const std::string& path, const csv_options& options = {});

// Writes a header and one line per row; quotes fields that need it; missing values are empty.
// Numbers are written so that read_csv gives back the same doubles.
void write_csv(const frame& f, std::ostream& out, char delimiter = ',');
std::string to_csv(const frame& f, char delimiter = ',');

}  // namespace lolpop
