#pragma once
// Frames appended to one CSV file chunk by chunk, the file appearing at its path only when all
// of it is written.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/atomic_file.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace lolpop {

// Writes to a temporary file beside `path` (atomic_file_writer): the first frame's header, then
// each frame's rows, exactly as to_csv writes the frames' concatenation. commit() renames it into
// place; without a commit nothing is left at `path`.
class csv_chunk_writer {
public:
    explicit csv_chunk_writer(std::filesystem::path path, char delimiter = ',');

    // Every frame has the first one's column names, in order; throws lolpop::error otherwise.
    void append(const frame& chunk);
    void commit();
    std::size_t bytes_written() const noexcept { return bytes_written_; }

private:
    atomic_file_writer file_;
    char delimiter_;
    bool has_header_ = false;
    std::vector<std::string> names_;
    std::size_t bytes_written_ = 0;
    std::string buffer_;
};

}  // namespace lolpop
