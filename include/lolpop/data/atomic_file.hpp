#pragma once
// Whole-file writes that a reader or a crash never sees half done.
#include <filesystem>
#include <string>
#include <string_view>

namespace lolpop {

// Writes to a temporary file in the same directory, flushes it to disk and renames it over
// `path`, creating parent directories. Throws lolpop::error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// A file written in pieces to a temporary file in the same directory and renamed over `path` by
// commit(), after flushing it to disk; until then nothing is at `path`, and destroying the
// writer uncommitted removes the temporary file. Throws lolpop::error naming the path on failure.
class atomic_file_writer {
public:
    explicit atomic_file_writer(std::filesystem::path path);
    ~atomic_file_writer();
    atomic_file_writer(atomic_file_writer&& other) noexcept;
    atomic_file_writer& operator=(atomic_file_writer&&) = delete;
    atomic_file_writer(const atomic_file_writer&) = delete;
    atomic_file_writer& operator=(const atomic_file_writer&) = delete;

    void append(std::string_view bytes);
    void commit();
    bool committed() const noexcept { return committed_; }
    const std::filesystem::path& path() const noexcept { return path_; }
    const std::filesystem::path& temporary_path() const noexcept { return temp_; }

private:
    std::filesystem::path path_;
    std::filesystem::path temp_;
    int fd_ = -1;
    bool committed_ = false;
};

// Renames `from` (a file already flushed to disk) over `to`, on the same file system, creating
// to's parent directories, and flushes the directory: `to` is the old file or the new one, never
// part of either. Throws lolpop::error naming `to` on failure.
void move_file_atomically(const std::filesystem::path& from, const std::filesystem::path& to);

// The whole file; throws lolpop::error "cannot read file" naming the path when it is missing or
// unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace lolpop
