#pragma once
// Whole-file writes that a reader or a crash never sees half done.
#include <filesystem>
#include <string>
#include <string_view>

namespace lolpop {

// Writes to a temporary file in the same directory, flushes it to disk and renames it over
// `path`, creating parent directories. Throws lolpop::error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// Renames `from` (a file already flushed to disk) over `to`, on the same file system, creating
// to's parent directories, and flushes the directory: `to` is the old file or the new one, never
// part of either. Throws lolpop::error naming `to` on failure.
void move_file_atomically(const std::filesystem::path& from, const std::filesystem::path& to);

// The whole file; throws lolpop::error "cannot read file" naming the path when it is missing or
// unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace lolpop
