#include <lolpop/components/notifier/null_notifier.hpp>
#include <lolpop/concepts/logger.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

static_assert(!lolpop::logger<lolpop::null_notifier>);

TEST_CASE("null_notifier prints nothing at any level") {
    lolpop::context ctx;
    lolpop::null_notifier notifier({}, ctx);
    std::ostringstream out, err;
    std::streambuf* previous_out = std::cout.rdbuf(out.rdbuf());
    std::streambuf* previous_err = std::cerr.rdbuf(err.rdbuf());
    for (auto level : {lolpop::log_level::debug, lolpop::log_level::info, lolpop::log_level::warn, lolpop::log_level::error})
        notifier.notify(level, "message");
    std::cout.rdbuf(previous_out);
    std::cerr.rdbuf(previous_err);
    CHECK(out.str().empty());
    CHECK(err.str().empty());
}
