#include <lolpop/core/progress.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace {

// Standard error sent to `fd` for the lifetime of the object.
class redirected_stderr {
public:
    explicit redirected_stderr(int fd) : saved_(dup(STDERR_FILENO)) {
        std::fflush(stderr);
        dup2(fd, STDERR_FILENO);
    }
    ~redirected_stderr() {
        std::fflush(stderr);
        dup2(saved_, STDERR_FILENO);
        close(saved_);
    }
    redirected_stderr(const redirected_stderr&) = delete;
    redirected_stderr& operator=(const redirected_stderr&) = delete;

private:
    int saved_;
};

std::string drain(int fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

// Runs a meter over a step that lasts past the meter's half second of silence.
void long_step(const lolpop::context& ctx) {
    lolpop::progress_meter meter(ctx, "reading data.csv", 88'000'000, "MB");
    meter.update(1'000'000);  // too early: a step this short shows nothing
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    meter.update(44'000'000);
}

struct terminal {
    int master = -1, slave = -1;
    terminal() {
        REQUIRE(openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
        fcntl(master, F_SETFL, O_NONBLOCK);
    }
    ~terminal() {
        close(slave);
        close(master);
    }
};

}  // namespace

TEST_CASE("progress_meter draws on a terminal and clears its line at the end") {
    terminal tty;
    lolpop::context ctx;
    {
        redirected_stderr to_tty(tty.slave);
        long_step(ctx);
    }
    const std::string shown = drain(tty.master);
    CHECK(shown.find("lolpop: reading data.csv   50%  44.0 of 88.0 MB  0:00") != std::string::npos);
    CHECK(shown.find("1.0 of") == std::string::npos);
    CHECK(shown.ends_with("\r\033[K"));
}

TEST_CASE("progress_meter stays quiet when standard error is not a terminal or the context says so") {
    terminal tty;
    lolpop::context quiet;
    quiet.show_progress(false);
    {
        redirected_stderr to_tty(tty.slave);
        long_step(quiet);
    }
    CHECK(drain(tty.master).empty());

    lolpop_test::temp_directory tmp;
    const std::string path = (tmp.path() / "stderr.txt").string();
    const int file = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    REQUIRE(file >= 0);
    lolpop::context ctx;
    {
        redirected_stderr to_file(file);
        long_step(ctx);
    }
    close(file);
    const int in = open(path.c_str(), O_RDONLY);
    CHECK(drain(in).empty());
    close(in);
}
