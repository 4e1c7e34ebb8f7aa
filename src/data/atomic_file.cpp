#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include "detail/file_descriptor.hpp"
#include "detail/process_identity.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lolpop {

namespace fs = std::filesystem;

namespace {

using detail::file_descriptor;
using detail::write_all;

std::string reason(int err) { return detail::errno_reason(err); }

// The rename is durable only once the directory entry itself reaches the disk.
void sync_directory(const fs::path& dir, const std::string& where) {
    file_descriptor d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (d.get() < 0) throw error("cannot open directory " + dir.string() + " to flush it: " + reason(errno), where);
    // EINVAL: the file system cannot sync directories (some network and FUSE file systems); the
    // rename is then as durable as that file system makes it.
    if (::fsync(d.get()) != 0 && errno != EINVAL)
        throw error("cannot flush directory " + dir.string() + ": " + reason(errno), where);
}

std::string temporary_prefix(const std::string& file_name) {
    // Built in place: GCC 12 at -O3 reports a false -Wrestrict for "." + std::string.
    std::string prefix = file_name;
    prefix.insert(0, 1, '.');
    prefix += ".tmp-";
    return prefix;
}

// A temporary file of an earlier lolpop, whose name does not say who writes it: left over once it
// is a day old, as no write takes that long.
bool is_old_anonymous_temporary(const fs::path& file) {
    std::error_code ec;
    const auto written = fs::last_write_time(file, ec);
    return !ec && fs::file_time_type::clock::now() - written > std::chrono::hours(24);
}

}  // namespace


std::vector<fs::path> create_directories_noted(const fs::path& dir, const std::string& where) {
    std::vector<fs::path> created;
    std::error_code ec;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        created.push_back(p);
        if (p == p.parent_path()) break;
    }
    std::reverse(created.begin(), created.end());
    if (!dir.empty()) fs::create_directories(dir, ec);
    if (ec) throw error("cannot create directory " + dir.string() + ": " + ec.message(), where);
    return created;
}

void remove_created_directories(const std::vector<fs::path>& created) noexcept {
    std::error_code ec;
    for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);  // only when empty
}

namespace {

// Removes `file`, a temporary file whose name begins with `prefix`, when its writer is gone.
void remove_if_abandoned(const fs::path& file, const std::string& prefix) {
    const auto writer = detail::owner_of(file.filename().string(), prefix);
    std::error_code ignored;
    if (writer ? !detail::may_be_alive(*writer) : is_old_anonymous_temporary(file)) fs::remove(file, ignored);
}

}  // namespace

void remove_abandoned_temporaries(const fs::path& dir, const std::string& file_name) {
    const std::string prefix = temporary_prefix(file_name);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().starts_with(prefix)) remove_if_abandoned(it->path(), prefix);
}

void remove_abandoned_temporaries_under(const fs::path& root) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::size_t marker = name.rfind(".tmp-");
        if (name.starts_with('.') && marker != std::string::npos && marker > 0)
            remove_if_abandoned(it->path(), name.substr(0, marker + 5));
    }
}

atomic_file_writer::atomic_file_writer(fs::path path) : path_(std::move(path)) {
    const std::string where = path_.string();
    if (!path_.has_filename()) throw error("cannot write file: the path names no file", where);
    const fs::path dir = path_.parent_path();
    created_ = create_directories_noted(dir, where);
    remove_abandoned_temporaries(dir.empty() ? fs::path(".") : dir, path_.filename().string());

    // Same directory, because rename() is atomic only within one file system; a hidden name
    // that says which process writes it (so that its leftovers can be removed once that process
    // is gone) and a random part, because concurrent writers of the same path must not share a
    // temporary file.
    temp_ = dir / detail::owned_file_name(temporary_prefix(path_.filename().string()));
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        remove_created_directories(created_);
        throw error("cannot create a temporary file next to it: " + reason(errno), where);
    }
}

atomic_file_writer::atomic_file_writer(atomic_file_writer&& other) noexcept
    : path_(std::move(other.path_)),
      temp_(std::move(other.temp_)),
      created_(std::move(other.created_)),
      fd_(other.fd_),
      committed_(other.committed_) {
    other.fd_ = -1;
    other.committed_ = true;  // nothing left for the moved-from writer to remove
}

atomic_file_writer::~atomic_file_writer() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) {
        ::unlink(temp_.c_str());
        remove_created_directories(created_);
    }
}

void atomic_file_writer::append(std::string_view bytes) {
    if (committed_ || fd_ < 0) throw error("cannot write file: it is already committed", path_.string());
    if (const int err = write_all(fd_, bytes)) {
        ::close(fd_);
        fd_ = -1;
        throw error(std::string("cannot write file: write: ") + reason(err), path_.string());
    }
}

void atomic_file_writer::commit() {
    const std::string where = path_.string();
    if (committed_ || fd_ < 0) throw error("cannot write file: it is already committed", where);
    file_descriptor file(fd_);
    fd_ = -1;
    const auto fail = [&](const char* step, int err) {
        return error(std::string("cannot write file: ") + step + ": " + reason(err), where);
    };
    if (::fsync(file.get()) != 0) throw fail("fsync", errno);
    if (file.close() != 0) throw fail("close", errno);
    if (::rename(temp_.c_str(), path_.c_str()) != 0) throw fail("rename", errno);
    committed_ = true;
    const fs::path dir = path_.parent_path();
    sync_directory(dir.empty() ? fs::path(".") : dir, where);
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    atomic_file_writer file(path);
    file.append(bytes);
    file.commit();
}

void move_file_atomically(const fs::path& from, const fs::path& to) {
    const std::string where = to.string();
    const fs::path dir = to.parent_path();
    if (!dir.empty()) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) throw error("cannot create directory " + dir.string() + ": " + ec.message(), where);
    }
    if (::rename(from.c_str(), to.c_str()) != 0)
        throw error("cannot move " + from.string() + " here: " + reason(errno), where);
    sync_directory(dir.empty() ? fs::path(".") : dir, where);
}

std::string read_file(const fs::path& path) {
    const std::string where = path.string();
    file_descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0) throw error("cannot read file: " + reason(errno), where);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) throw error("cannot read file: " + reason(errno), where);
    if (!S_ISREG(info.st_mode)) throw error("cannot read file: not a regular file", where);

    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(file.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw error("cannot read file: " + reason(errno), where);
        }
        if (n == 0) return bytes;
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace lolpop
