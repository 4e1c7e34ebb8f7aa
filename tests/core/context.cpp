#include <lolpop/core/context.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using lolpop::log_level;

TEST_CASE("log levels print and parse") {
    for (auto l : {log_level::debug, log_level::info, log_level::warn, log_level::error})
        CHECK(lolpop::parse_log_level(lolpop::to_string(l), "logger.level") == l);
    CHECK(lolpop::to_string(log_level::warn) == "warn");

    auto message = [](std::string_view text) {
        try {
            (void)lolpop::parse_log_level(text, "logger.level");
        } catch (const lolpop::error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("wran") == "unknown log level 'wran' (did you mean 'warn'?) (logger.level)");
    CHECK(message("verbose") == "unknown log level 'verbose' (expected debug, info, warn or error) (logger.level)");
}

TEST_CASE("a context forwards to the sinks the runner wires") {
    lolpop::context ctx("dev", "b1d");
    CHECK(ctx.profile() == "dev");
    CHECK(ctx.build_id() == "b1d");
    ctx.log(log_level::info, "dropped: no logger yet");

    std::vector<std::pair<log_level, std::string>> logged, notified;
    ctx.set_logger([&](log_level l, std::string_view m) { logged.emplace_back(l, m); });
    ctx.set_notifier([&](log_level l, std::string_view m) { notified.emplace_back(l, m); });
    ctx.log(log_level::debug, "read 569 rows");
    ctx.notify(log_level::error, "training failed");
    CHECK(logged == std::vector<std::pair<log_level, std::string>>{{log_level::debug, "read 569 rows"}});
    CHECK(notified == std::vector<std::pair<log_level, std::string>>{{log_level::error, "training failed"}});
}
