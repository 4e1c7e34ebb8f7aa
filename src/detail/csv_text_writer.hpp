#pragma once
// Frames as CSV text, appended to one buffer: the writer of to_csv and csv_chunk_writer. Its
// output is byte for byte what earlier versions wrote (stored data set versions are addressed by
// these bytes): doubles as fmt's "{}" spells their shortest round-trip form, with ".0" when that
// has neither a fraction nor an exponent.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace lolpop::detail {

void append_csv_field(std::string& out, std::string_view text, char delimiter);

// The header line (nothing for a frame without columns).
void append_csv_header(std::string& out, const frame& f, char delimiter);
// Rows [begin, end), one line each.
void append_csv_rows(std::string& out, const frame& f, std::size_t begin, std::size_t end, char delimiter);

}  // namespace lolpop::detail
