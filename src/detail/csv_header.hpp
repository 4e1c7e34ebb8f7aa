#pragma once
// The header row of a CSV text and what it fixes for the records after it: the column names and
// each column's starting kind (forced by csv_options::column_types, or inferred).
#include "detail/csv_column_accumulator.hpp"

#include <lolpop/data/csv.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

struct csv_header {
    std::vector<std::string> names;
    std::vector<csv_kind> kinds;  // empty where inferred
    std::vector<bool> fixed;      // forced by column_types
    std::vector<std::string> missing_values;  // csv_options::missing_values
    bool numeric_missing = false;             // one of them reads as a number
    std::size_t max_field_bytes = 0;          // csv_options' limits
    std::size_t max_record_bytes = 0;
    std::size_t end = 0;          // where the records begin
    std::size_t next_line = 1;    // the line at `end`
};

// The text without a leading UTF-8 byte order mark.
std::string_view without_bom(std::string_view text) noexcept;

// Reads the first non-blank record of `text` (the whole input, or with `final` false a prefix of
// it) as the header. Throws lolpop::error naming `source` for a missing, empty or duplicate name,
// a column_types entry naming no column, or a malformed quote. With `final` false, returns false
// when the text ends before the header does.
bool read_csv_header(std::string_view text, bool final, std::string_view source, const csv_options& options,
                     csv_header& header);

// A chunk of `header`'s columns, starting at `kinds` (the header's own, or a sample's).
struct csv_chunk;
void start_csv_chunk(const csv_header& header, const std::vector<csv_kind>& kinds, bool all_fixed, csv_chunk& chunk);

}  // namespace lolpop::detail
