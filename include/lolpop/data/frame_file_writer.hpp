#pragma once
// Writes a frame file (frame_file.hpp) from chunks of rows, for frames larger than memory: each
// chunk's values go to one scratch file as they come, and finish() copies them into place column
// by column, hashing as it writes. The result is byte for byte what to_frame_file gives for the
// whole frame.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/frame_file.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace lolpop {

class frame_file_writer {
public:
    // The scratch file lives in `scratch_dir` (created when missing) without a name, so it
    // vanishes with the writer, even when the process dies.
    explicit frame_file_writer(const std::filesystem::path& scratch_dir);
    ~frame_file_writer();
    frame_file_writer(frame_file_writer&&) noexcept;
    frame_file_writer& operator=(frame_file_writer&&) noexcept;

    // Appends the rows of `chunk`. The first chunk sets the column names and types; every later
    // one must have the same, in the same order. A categorical column's categories are merged
    // in order of first appearance and its codes renumbered to match. Throws lolpop::error for
    // a chunk that does not match, or on a failed write (the writer is then unusable).
    void append(const frame& chunk);
    std::uint64_t rows() const noexcept;

    // Writes the file to `path` (replacing any file there), flushed to disk; the caller moves it
    // into place. The writer is spent afterwards. Throws lolpop::error naming the path.
    frame_file_digest finish(const std::filesystem::path& path);

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace lolpop
