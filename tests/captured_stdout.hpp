#pragma once
// std::cout redirected into a string while the object lives, for the tests of components that
// print (stdout_logger, stdout_notifier).
#include <iostream>
#include <sstream>
#include <string>

namespace lolpop_test {

class captured_stdout {
public:
    captured_stdout() : previous_(std::cout.rdbuf(buffer_.rdbuf())) {}
    ~captured_stdout() { std::cout.rdbuf(previous_); }
    captured_stdout(const captured_stdout&) = delete;
    captured_stdout& operator=(const captured_stdout&) = delete;

    std::string text() const { return buffer_.str(); }

private:
    std::ostringstream buffer_;
    std::streambuf* previous_;
};

}  // namespace lolpop_test
