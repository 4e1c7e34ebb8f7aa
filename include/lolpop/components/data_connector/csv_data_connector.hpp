#pragma once
// csv_data_connector — frames from and to CSV files (RFC 4180, a header row, empty fields
// missing). Column types are inferred unless `column_types` fixes them. It also reads and writes
// in chunks (lolpop::chunked_data_connector), so offline_predict scores files larger than memory.
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/data/csv_chunk_reader.hpp>
#include <lolpop/data/csv_chunk_writer.hpp>
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class csv_data_connector {
public:
    struct config {
        // One character, used for reading and writing.
        std::string delimiter = ",";
        // Column name -> "numeric", "integer" or "categorical"; a named column missing from a
        // file is an error when that file is read.
        std::map<std::string, std::string> column_types;
        // Cell spellings of a missing value besides the empty cell, e.g. ["NA", "?"].
        std::vector<std::string> missing_values = {};
        // The longest field and record (a row, with line breaks inside quotes) read, in bytes:
        // a longer one is an error naming the file and the line, before it costs memory.
        std::size_t max_field_bytes = std::size_t{1} << 20;
        std::size_t max_record_bytes = std::size_t{16} << 20;
    };
    static constexpr std::string_view name = "csv_data_connector";

    // Throws lolpop::error naming the setting for a delimiter that is not one usable character
    // or an unknown column type.
    csv_data_connector(const config& cfg, context& ctx);

    // Throws lolpop::error "cannot read file" naming the path, or naming the file, line and
    // column of malformed content (read_csv). An inferred column of numbers and text, read as
    // categorical, is a warning naming the column and its first text cell's line.
    frame get_data(const std::string& path) const;
    // Replaces the file atomically, creating its parent directories.
    void save_data(const frame& data, const std::string& path) const;

    // The file a chunk of rows at a time (lolpop::csv_chunk_reader): memory stays bounded by one
    // block of text and one chunk, whatever the file's size. The first chunk's types are kept.
    csv_chunk_reader read_chunks(const std::string& path) const;
    // Frames appended as one file that appears, atomically, at commit (lolpop::csv_chunk_writer).
    csv_chunk_writer write_chunks(const std::string& path) const;

private:
    csv_options options_;
    context* context_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::csv_data_connector::config, delimiter, column_types, missing_values, max_field_bytes,
                        max_record_bytes);

static_assert(lolpop::chunked_data_connector<lolpop::csv_data_connector>);
