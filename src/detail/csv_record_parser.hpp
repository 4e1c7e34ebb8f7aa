#pragma once
// Parses CSV records straight into typed column storage, one chunk of the text at a time: the
// typed fast paths read integers and decimals where they stand, the rest goes through
// scan_field. Lines and rows are counted from the chunk's start, so that chunks parsed apart
// can be numbered once their predecessors are known.
#include "detail/csv_column_accumulator.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

struct csv_problem {
    enum class what : unsigned char { ragged, unterminated, after_quote, long_field, long_record };
    what kind = what::ragged;
    std::size_t line = 0;    // relative to the chunk's first line
    std::size_t row = 0;     // the record's row within the chunk, from 0
    std::size_t fields = 0;  // ragged: how many fields the record has
    char after = 0;          // after_quote: the character after the closing quote
    std::size_t column = 0;  // long_field: the field's column, from 0
    std::size_t limit = 0;   // long_field, long_record: the limit exceeded
};

struct csv_chunk {
    std::vector<csv_column_accumulator> columns;
    std::vector<std::size_t> record_starts;  // where each row's record begins in the text
    std::size_t rows = 0;
    std::size_t lines = 0;  // line breaks consumed, blank lines and quoted ones included
    std::size_t end = 0;    // just after the last record consumed
    std::optional<csv_problem> problem;
    bool incomplete = false;  // stopped at a record that the text does not finish
    bool restart = false;     // ... which had changed a column's type: parse the chunk again
    // False when a spelling of a missing value reads as a number: every cell is then looked at.
    bool typed_fast_paths = true;
    std::size_t max_field_bytes = static_cast<std::size_t>(-1);
    std::size_t max_record_bytes = static_cast<std::size_t>(-1);
};

// Parses the records that begin in [begin, limit) and go on as far as they need, at most
// `max_rows` rows in all, adding to `chunk`. Stops at the first problem. With `final` false the
// text may continue: a record that runs to its end is left unconsumed (`incomplete`).
void parse_csv_records(std::string_view text, char delimiter, std::size_t begin, std::size_t limit, bool final,
                       std::size_t max_rows, csv_chunk& chunk);

// The problem or the bad cell as lolpop::error naming `source` and the line in the file, for a
// chunk whose first line and row in the file are `first_line` and `first_row` (from 0).
[[noreturn]] void throw_csv_problem(const csv_problem& problem, std::string_view source, std::size_t first_line,
                                    std::size_t first_row, const std::vector<std::string>& columns);
[[noreturn]] void throw_csv_bad_cell(const csv_bad_cell& cell, std::string_view column, std::string_view source,
                                     std::size_t first_line, std::string_view hint = {});

// The text of field `j` of the record at `start`, a record already parsed without problems.
std::string_view csv_field_of(std::string_view text, char delimiter, std::size_t start, std::size_t j,
                              std::string& scratch);

}  // namespace lolpop::detail
