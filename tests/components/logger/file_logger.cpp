#include <lolpop/components/logger/file_logger.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// One log line: the time is the only part that changes from run to run.
std::string expected_line(const std::string& level, const std::string& message_json) {
    return R"(\{"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","level":")" + level + R"(","message":")" +
           message_json + R"(","profile":"dev","build_id":"b1d"\})";
}

}  // namespace

TEST_CASE("file_logger appends one JSON object per line with the profile and build id") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx("dev", "b1d");
    const lolpop::file_logger::config cfg{(tmp / "logs/lolpop.log").string(), "info"};

    lolpop::file_logger(cfg, ctx).log(lolpop::log_level::info, "trained model mv-1");
    lolpop::file_logger logger(cfg, ctx);  // a second run appends
    logger.log(lolpop::log_level::error, "bad row");

    const auto lines = lines_of(lolpop::read_file(cfg.path));
    REQUIRE(lines.size() == 2);
    CHECK(std::regex_match(lines[0], std::regex(expected_line("info", "trained model mv-1"))));
    CHECK(std::regex_match(lines[1], std::regex(expected_line("error", "bad row"))));
}

TEST_CASE("file_logger escapes messages so that every line stays valid JSON") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx("dev", "b1d");
    const lolpop::file_logger::config cfg{(tmp / "lolpop.log").string(), "debug"};
    lolpop::file_logger logger(cfg, ctx);

    // Quote, backslash, the short escapes, other control bytes (as \u00XX), valid UTF-8 (é, €, 😀), then
    // bytes that are not UTF-8: a lone continuation byte, a truncated sequence, a surrogate.
    logger.log(lolpop::log_level::debug,
               "say \"hi\" C:\\dir\n\t\r\b\f\x01 \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 \x80 \xe2\x82 \xed\xa0\x80");
    const std::string text = lolpop::read_file(cfg.path);
    const std::string message = R"(say \"hi\" C:\\dir\n\t\r\u0008\u000c\u0001 )"
                                "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
                                R"( \ufffd \ufffd\ufffd \ufffd\ufffd\ufffd)";
    const auto at = text.find("\"message\":\"");
    REQUIRE(at != std::string::npos);
    CHECK(text.substr(at, 11 + message.size() + 2) == "\"message\":\"" + message + "\",");
    CHECK(lines_of(text).size() == 1);
}

TEST_CASE("file_logger drops messages below its level") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx("dev", "b1d");
    const lolpop::file_logger::config cfg{(tmp / "lolpop.log").string(), "warn"};
    lolpop::file_logger logger(cfg, ctx);
    logger.log(lolpop::log_level::debug, "d");
    logger.log(lolpop::log_level::info, "i");
    logger.log(lolpop::log_level::warn, "w");
    logger.log(lolpop::log_level::error, "e");

    const auto lines = lines_of(lolpop::read_file(cfg.path));
    REQUIRE(lines.size() == 2);
    CHECK(std::regex_match(lines[0], std::regex(expected_line("warn", "w"))));
    CHECK(std::regex_match(lines[1], std::regex(expected_line("error", "e"))));
}

TEST_CASE("file_logger rejects a bad level or a file it cannot open") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    CHECK_THROWS_WITH_AS(lolpop::file_logger({(tmp / "a.log").string(), "verbose"}, ctx),
                         "unknown log level 'verbose' (expected debug, info, warn or error) (file_logger.level)",
                         lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::file_logger({tmp.path().string(), "info"}, ctx),
                         ("cannot open the log file for appending (" + tmp.path().string() + ")").c_str(), lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::file_logger({"", "info"}, ctx),
                         "the log file path must not be empty (file_logger.path)", lolpop::error);
}
