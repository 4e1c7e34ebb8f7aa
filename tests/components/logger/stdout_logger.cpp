#include <lolpop/components/logger/stdout_logger.hpp>
#include <lolpop/core/error.hpp>

#include "../../captured_stdout.hpp"

#include <doctest/doctest.h>

#include <regex>

using lolpop_test::captured_stdout;

TEST_CASE("stdout_logger prints timestamped lines at or above its level") {
    lolpop::context ctx;
    lolpop::stdout_logger logger({"info"}, ctx);
    captured_stdout out;
    logger.log(lolpop::log_level::debug, "hidden");
    logger.log(lolpop::log_level::info, "loaded 569 rows");
    logger.log(lolpop::log_level::error, "check failed");
    CHECK(std::regex_match(out.text(), std::regex(R"(\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] info: loaded 569 rows\n)"
                                                  R"(\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] error: check failed\n)")));
}

TEST_CASE("stdout_logger at level error prints only errors") {
    lolpop::context ctx;
    lolpop::stdout_logger logger({"error"}, ctx);
    captured_stdout out;
    logger.log(lolpop::log_level::warn, "hidden");
    CHECK(out.text().empty());
    logger.log(lolpop::log_level::error, "shown");
    CHECK(out.text().ends_with("] error: shown\n"));
}

TEST_CASE("stdout_logger names its setting for an unknown level") {
    lolpop::context ctx;
    CHECK_THROWS_WITH_AS(lolpop::stdout_logger({"wran"}, ctx),
                         "unknown log level 'wran' (did you mean 'warn'?) (stdout_logger.level)", lolpop::error);
}
