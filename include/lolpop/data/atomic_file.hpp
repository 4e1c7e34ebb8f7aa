#pragma once
// Whole-file writes that a reader or a crash never sees half done.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

// Writes to a temporary file in the same directory, flushes it to disk and renames it over
// `path`, creating parent directories. Throws lolpop::error naming the path on failure.
//
// Temporary files are named ".<file name>.tmp-<host>.<pid>.<start>-<random>": a write of `path`
// first removes the temporary files of `path` left by processes of this host that are gone
// (killed, say), so a kill leaves debris only until the next write of the same file. One that
// fails leaves no directory it created.
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
    std::vector<std::filesystem::path> created_;  // the directories made for it, outermost first
    int fd_ = -1;
    bool committed_ = false;
};

// The directories of `dir` that do not exist yet, outermost first, after creating them; and
// their removal, innermost first, of those still empty: a write that fails takes back the
// directories it made.
std::vector<std::filesystem::path> create_directories_noted(const std::filesystem::path& dir, const std::string& where);
void remove_created_directories(const std::vector<std::filesystem::path>& created) noexcept;

// Removes the temporary files of `file_name` in `dir` whose writer is gone (see above).
void remove_abandoned_temporaries(const std::filesystem::path& dir, const std::string& file_name);
// The same for every file of every folder under `root`: a store that a step writes to sweeps it
// when the step begins, so that a kill's debris does not wait for the same file's next write.
void remove_abandoned_temporaries_under(const std::filesystem::path& root);

// Renames `from` (a file already flushed to disk) over `to`, on the same file system, creating
// to's parent directories, and flushes the directory: `to` is the old file or the new one, never
// part of either. Throws lolpop::error naming `to` on failure.
void move_file_atomically(const std::filesystem::path& from, const std::filesystem::path& to);

// The whole file; throws lolpop::error "cannot read file" naming the path when it is missing or
// unreadable.
std::string read_file(const std::filesystem::path& path);

}  // namespace lolpop
