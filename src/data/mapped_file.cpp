#include <lolpop/core/error.hpp>
#include <lolpop/data/mapped_file.hpp>

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lolpop {

std::shared_ptr<const mapped_file> mapped_file::open(const std::filesystem::path& path, bool populate) {
    const auto fail = [&](int err) {
        return error("cannot read file: " + std::generic_category().message(err), path.string());
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw fail(errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int err = errno;
        ::close(fd);
        throw fail(err);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        throw error("cannot read file: not a regular file", path.string());
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    // mmap refuses a length of 0; an empty file needs no mapping.
    void* data = nullptr;
    if (size > 0) data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
    const int err = errno;
    ::close(fd);  // the mapping keeps the file open
    if (data == MAP_FAILED) throw fail(err);
    return std::shared_ptr<const mapped_file>(new mapped_file(static_cast<const char*>(data), size));
}

void mapped_file::release(std::size_t begin, std::size_t end) const noexcept {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t first = (begin + page - 1) / page * page;
    const std::size_t last = std::min(end, size_) / page * page;
    // A private, read-only mapping of a file: dropped pages are the file's, read again on demand.
    if (first < last) ::madvise(const_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
}

mapped_file::~mapped_file() {
    if (size_ > 0) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace lolpop
