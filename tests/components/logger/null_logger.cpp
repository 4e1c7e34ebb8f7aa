#include <lolpop/components/logger/null_logger.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

TEST_CASE("null_logger prints nothing at any level") {
    lolpop::context ctx;
    lolpop::null_logger logger({}, ctx);
    std::ostringstream out, err;
    std::streambuf* previous_out = std::cout.rdbuf(out.rdbuf());
    std::streambuf* previous_err = std::cerr.rdbuf(err.rdbuf());
    for (auto level : {lolpop::log_level::debug, lolpop::log_level::info, lolpop::log_level::warn, lolpop::log_level::error})
        logger.log(level, "message");
    std::cout.rdbuf(previous_out);
    std::cerr.rdbuf(previous_err);
    CHECK(out.str().empty());
    CHECK(err.str().empty());
}
