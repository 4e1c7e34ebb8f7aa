#pragma once
// An SMTP server on 127.0.0.1 on a free port for the tests of components that send mail: Python's
// aiosmtpd with its Mailbox handler, started as a child process by the test and stopped when it
// goes out of scope, whatever the test's checks did. Each message it accepts is a file of the
// maildir in the given directory, with the envelope added as X-MailFrom and X-RcptTo headers.
// Without python3-aiosmtpd the test fails, saying so.
#include "free_port.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lolpop_test {

namespace detail {

// Starts `argv`, its standard output and error appended to `log` (or discarded); returns its id.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& log = "/dev/null") {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return failed ? -1 : pid;
}

inline int wait_for(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

// The first Python interpreter that has aiosmtpd: the one on PATH, else the system's, which is
// the one Debian's python3-aiosmtpd installs into.
inline std::string python_with_aiosmtpd() {
    for (const char* python : {"python3", "/usr/bin/python3"}) {
        const pid_t pid = spawn({python, "-c", "import aiosmtpd"});
        if (pid < 0) continue;
        const int status = wait_for(pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return python;
    }
    throw std::runtime_error("the SMTP tests need python3-aiosmtpd, which is not installed: install it "
                             "(apt-get install python3-aiosmtpd; tools/test does)");
}

inline bool accepts_connections(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    const bool connected = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace detail

class smtp_server {
public:
    // `options` go to aiosmtpd before the handler (e.g. {"--size", "100"}).
    explicit smtp_server(const std::filesystem::path& dir, std::vector<std::string> options = {})
        : maildir_(dir / "maildir"), log_(dir / "smtpd.log"), port_(free_port()) {
        std::vector<std::string> argv = {detail::python_with_aiosmtpd(), "-m", "aiosmtpd", "-n",
                                         "-l", "127.0.0.1:" + std::to_string(port_)};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.insert(argv.end(), {"-c", "aiosmtpd.handlers.Mailbox", maildir_.string()});
        pid_ = detail::spawn(argv, log_.string());
        if (pid_ < 0) throw std::runtime_error("cannot start " + argv[0]);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!detail::accepts_connections(port_)) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("aiosmtpd exited before it listened: " + detail::read_file(log_));
            }
            if (std::chrono::steady_clock::now() > deadline) {
                stop();
                throw std::runtime_error("aiosmtpd did not listen within 20 s: " + detail::read_file(log_));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~smtp_server() { stop(); }
    smtp_server(const smtp_server&) = delete;
    smtp_server& operator=(const smtp_server&) = delete;

    std::uint16_t port() const noexcept { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

    // The messages stored so far, as files hold them (LF line endings).
    std::vector<std::string> messages() const {
        std::vector<std::filesystem::path> files;
        if (std::filesystem::exists(maildir_ / "new"))
            for (const auto& entry : std::filesystem::directory_iterator(maildir_ / "new")) files.push_back(entry.path());
        // In the order stored: Python's maildir names a message "<time>.M<µs>P<pid>Q<count>.<host>",
        // and the count, unpadded, grows by one per message.
        const auto count = [](const std::filesystem::path& file) {
            const std::string name = file.filename().string();
            const std::size_t q = name.find('Q');
            return q == std::string::npos ? 0ul : std::stoul(name.substr(q + 1));
        };
        std::sort(files.begin(), files.end(), [&](const auto& a, const auto& b) { return count(a) < count(b); });
        std::vector<std::string> out;
        for (const auto& file : files) out.push_back(detail::read_file(file));
        return out;
    }

private:
    void stop() {
        if (pid_ < 0) return;
        ::kill(pid_, SIGTERM);
        detail::wait_for(pid_);
        pid_ = -1;
    }

    std::filesystem::path maildir_;
    std::filesystem::path log_;
    std::uint16_t port_;
    pid_t pid_ = -1;
};

}  // namespace lolpop_test
