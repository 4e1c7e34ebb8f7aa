#pragma once
// A CSV file read as frames of at most so many rows, with memory bounded by one block of text
// and one chunk, for files larger than memory.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/csv.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

// Reads the file in blocks of `block_bytes`, carrying a partial record over to the next block.
// The first chunk's types are inferred as read_csv infers them (column_types forces as there)
// and kept for every later chunk: an integer column then takes whole numbers written as
// decimals, and a value that fits no longer is an error naming the file and its line, with a
// hint to set column_types. Each chunk is what read_csv would make of its rows with those types,
// categories in order of first appearance within the chunk. Errors name absolute lines and rows.
class csv_chunk_reader {
public:
    static constexpr std::size_t default_block_bytes = std::size_t{4} << 20;

    explicit csv_chunk_reader(const std::string& path, csv_options options = {},
                              std::size_t block_bytes = default_block_bytes);
    ~csv_chunk_reader();
    csv_chunk_reader(csv_chunk_reader&&) noexcept;
    csv_chunk_reader& operator=(csv_chunk_reader&&) noexcept;

    const std::vector<std::string>& names() const;
    // The next at most `max_rows` rows (at least one is read), or nothing at the end of the file.
    std::optional<frame> next(std::size_t max_rows);

    // Bytes of the file that the chunks so far consumed, and the file's size: progress.
    std::size_t bytes_read() const;
    std::size_t total_bytes() const;
    // The most text held at once: one block, plus the first chunk's text while its types are
    // inferred, plus a record that straddles two blocks.
    std::size_t peak_buffered_bytes() const;

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace lolpop
