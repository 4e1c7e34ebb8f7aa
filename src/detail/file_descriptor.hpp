#pragma once
// A POSIX descriptor that every way out of a function closes, and the write loop that goes with it.
#include <cerrno>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace lolpop::detail {

inline std::string errno_reason(int err) { return std::generic_category().message(err); }

class file_descriptor {
public:
    explicit file_descriptor(int fd) noexcept : fd_(fd) {}
    ~file_descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;

    int get() const noexcept { return fd_; }
    // A failed close can mean the kernel dropped written data, so the caller must check it.
    int close() noexcept {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd);
    }

private:
    int fd_;
};

// 0 on success, else the errno of the failed write.
inline int write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return 0;
}

}  // namespace lolpop::detail
