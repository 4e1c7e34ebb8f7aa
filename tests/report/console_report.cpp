// report_failure: what a profile binary prints when a step fails.
#include <lolpop/report/console_report.hpp>
#include <lolpop/core/error.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

// What report_failure writes on stderr, and its exit code.
std::pair<std::string, int> failure_text(const std::exception& e, std::string_view step) {
    const lolpop_test::temp_directory dir;
    const std::string path = (dir / "stderr.txt").string();
    std::fflush(stderr);
    const int saved = ::dup(2);
    std::FILE* file = std::fopen(path.c_str(), "w");
    ::dup2(::fileno(file), 2);
    const int code = lolpop::report_failure(e, step);
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(file);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return {text.str(), code};
}

}  // namespace

TEST_CASE("out of memory is one line naming the step, other failures their message") {
    CHECK(failure_text(std::bad_alloc(), "process") == std::pair<std::string, int>{"error: out of memory in the process step\n", 1});
    CHECK(failure_text(lolpop::error("out of memory while reading the CSV", "data/x.csv"), "process").first ==
          "error: out of memory while reading the CSV (data/x.csv)\n");
}
