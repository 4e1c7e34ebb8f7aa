#pragma once
// RFC 4180 CSV to and from frames: quoted fields, embedded commas, quotes and newlines; a header
// row is required; an empty field is a missing value. For files larger than memory,
// csv_chunk_reader.hpp and csv_chunk_writer.hpp read and write them chunk by chunk.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

struct csv_options {
    char delimiter = ',';
    // Column name -> "numeric", "integer" or "categorical". Other columns are inferred: integer
    // when every present value is a whole number, numeric when every one is a number,
    // categorical otherwise.
    std::map<std::string, std::string> column_types;
    // Cell spellings of a missing value besides the empty cell ("NA", "?"), in any column; an
    // exact match of the cell's text (after unquoting).
    std::vector<std::string> missing_values = {};
    // The longest field and record (a header or data row, line breaks inside quotes included),
    // in bytes: a longer one is an error naming the line, before it costs memory beyond the text.
    std::size_t max_field_bytes = std::size_t{1} << 20;
    std::size_t max_record_bytes = std::size_t{16} << 20;
    // Threads that parse a file of a megabyte or more, in chunks: 0 is every core. The result is
    // the same for any number.
    unsigned threads = 0;
};

// What inference decided that the reader's caller should hear about: an inferred column that
// holds numbers and text, read as categorical, with its first text cell (the line in the file).
struct csv_mixed_column {
    std::string column;
    std::size_t line = 0;
    std::string text;  // its start, when long
};
struct csv_read_notes {
    std::vector<csv_mixed_column> mixed_columns;
};

// Throws lolpop::error naming `source_name`, the line and the column for ragged rows, bad
// numbers in a typed column, an unterminated quote or a missing or duplicate header, a NUL byte
// in a field, and a number-shaped cell that no finite double holds (1e400, inf, nan) in a column
// not declared categorical: an inferred column is then numeric, unless it also holds text. With
// `notes`, fills them in.
frame read_csv(std::istream& in, std::string_view source_name, const csv_options& options = {},
               csv_read_notes* notes = nullptr);
frame read_csv_file(const std::string& path, const csv_options& options = {}, csv_read_notes* notes = nullptr);

// Writes a header and one line per row; quotes fields that need it; missing values are empty.
// Numbers are written so that read_csv gives back the same doubles.
void write_csv(const frame& f, std::ostream& out, char delimiter = ',');
std::string to_csv(const frame& f, char delimiter = ',');

}  // namespace lolpop
