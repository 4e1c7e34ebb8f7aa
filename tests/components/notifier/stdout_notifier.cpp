#include <lolpop/components/notifier/stdout_notifier.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>

TEST_CASE("stdout_notifier prints notifications at or above its level") {
    lolpop::context ctx;
    lolpop::stdout_notifier notifier({"warn"}, ctx);
    std::ostringstream buffer;
    std::streambuf* previous = std::cout.rdbuf(buffer.rdbuf());
    notifier.notify(lolpop::log_level::info, "hidden");
    notifier.notify(lolpop::log_level::warn, "data drift in column age");
    notifier.notify(lolpop::log_level::error, "model check failed");
    std::cout.rdbuf(previous);
    CHECK(buffer.str() == "notification [warn]: data drift in column age\nnotification [error]: model check failed\n");
}

TEST_CASE("stdout_notifier names its setting for an unknown level") {
    lolpop::context ctx;
    CHECK_THROWS_WITH_AS(lolpop::stdout_notifier({"loud"}, ctx),
                         "unknown log level 'loud' (expected debug, info, warn or error) (stdout_notifier.level)",
                         lolpop::error);
}
