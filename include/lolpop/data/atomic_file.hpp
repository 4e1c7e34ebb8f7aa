#pragma once
// Whole-file writes that a reader or a crash never sees half done.
#include <filesystem>
#include <string>
#include <string_view>

namespace lolpop {

// Writes to a temporary file in the same directory, flushes it to disk and renames it over
// `path`, creating parent directories. Throws lolpop::error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The whole file; throws lolpop::error "cannot read file" naming the path when it is missing or
// unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace lolpop
