#include <lolpop/components/notifier/webhook_notifier.hpp>
#include <lolpop/core/error.hpp>

#include "detail/json_value.hpp"

#include "../../free_port.hpp"
#include "../../http_listener.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using lolpop_test::http_listener;
using lolpop_test::http_reply;
using namespace std::chrono_literals;

// The context's log, as the workflow's logger would receive it.
struct captured_log {
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> lines;
    captured_log() {
        ctx.set_logger([this](lolpop::log_level level, std::string_view message) { lines.emplace_back(level, message); });
    }
};

// Slack's webhooks carry their secret in the path; these tests add one in the query and a header.
constexpr const char* secret_path = "/services/T0001/B0002/s3cretPathPart";
constexpr const char* secret_query = "token=s3cretQueryPart";
constexpr const char* secret_header = "Bearer s3cretHeaderPart";

lolpop::webhook_notifier::config config_for(const std::string& url, int retries = 2, int timeout_ms = 5000) {
    lolpop::webhook_notifier::config c;
    c.url = url;
    c.retries = retries;
    c.timeout_ms = timeout_ms;
    c.headers = {{"Authorization", secret_header}};
    return c;
}

std::string secret_url(const http_listener& server) {
    return server.url(std::string(secret_path) + "?" + secret_query);
}

void check_no_secret(const std::string& text) {
    CHECK(text.find("s3cret") == std::string::npos);
}

}  // namespace

TEST_CASE("webhook_notifier posts the notification as JSON whose text Slack shows") {
    http_listener server;
    captured_log log;
    const lolpop::webhook_notifier notifier(config_for(secret_url(server)), log.ctx);
    const std::string message = "data drift in \"age\": PSI 0.31\nsee the run report \\ \t ünïcode";
    notifier.notify(lolpop::log_level::warn, message);

    const auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].method == "POST");
    CHECK(requests[0].target == std::string(secret_path) + "?" + secret_query);
    CHECK(requests[0].header("content-type") == "application/json");
    CHECK(requests[0].header("authorization") == secret_header);
    const lolpop::detail::json_value body = lolpop::detail::parse_json(requests[0].body);
    REQUIRE(body.type == lolpop::detail::json_value::kind::object);
    REQUIRE(body.find("text"));
    CHECK(body.find("text")->text == "[warn] " + message);
    REQUIRE(body.find("level"));
    CHECK(body.find("level")->text == "warn");
    REQUIRE(body.find("message"));
    CHECK(body.find("message")->text == message);
    CHECK(body.keys.size() == 3);
    CHECK(log.lines.empty());
}

TEST_CASE("webhook_notifier sends bytes that are not UTF-8 as U+FFFD: the body stays JSON") {
    http_listener server;
    captured_log log;
    const lolpop::webhook_notifier notifier(config_for(server.url()), log.ctx);
    notifier.notify(lolpop::log_level::error, "bad byte \xff in column \x01name");
    const auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    const lolpop::detail::json_value body = lolpop::detail::parse_json(requests[0].body);
    REQUIRE(body.find("message"));
    CHECK(body.find("message")->text == "bad byte \xEF\xBF\xBD in column \x01name");
    CHECK(body.find("text")->text == "[error] bad byte \xEF\xBF\xBD in column \x01name");
}

TEST_CASE("webhook_notifier sends the notifications at or above its level only") {
    http_listener server;
    captured_log log;
    auto c = config_for(server.url());
    c.level = "error";
    const lolpop::webhook_notifier notifier(c, log.ctx);
    notifier.notify(lolpop::log_level::debug, "hidden");
    notifier.notify(lolpop::log_level::info, "hidden");
    notifier.notify(lolpop::log_level::warn, "hidden");
    CHECK(server.requests().empty());
    notifier.notify(lolpop::log_level::error, "model check failed");
    const auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(lolpop::detail::parse_json(requests[0].body).find("level")->text == "error");
}

TEST_CASE("webhook_notifier tries again after a 5xx or a 429, and delivers") {
    http_listener server({{500, 0ms}, {429, 0ms}, {200, 0ms}});
    captured_log log;
    const lolpop::webhook_notifier notifier(config_for(server.url(), 2), log.ctx);
    notifier.notify(lolpop::log_level::warn, "retried");
    const auto requests = server.requests();
    CHECK(requests.size() == 3);
    for (const auto& r : requests) CHECK(lolpop::detail::parse_json(r.body).find("message")->text == "retried");
    CHECK(log.lines.empty());
}

TEST_CASE("webhook_notifier gives up after its retries with one warning that shows no secret") {
    http_listener server({{500, 0ms}, {502, 0ms}, {503, 0ms}, {200, 0ms}});
    captured_log log;
    const lolpop::webhook_notifier notifier(config_for(secret_url(server), 2), log.ctx);
    CHECK_NOTHROW(notifier.notify(lolpop::log_level::error, "lost"));
    CHECK(server.requests().size() == 3);
    REQUIRE(log.lines.size() == 1);
    CHECK(log.lines[0].first == lolpop::log_level::warn);
    CHECK(log.lines[0].second == "webhook_notifier could not deliver an error notification to http://127.0.0.1:" +
                                     std::to_string(server.port()) + ": the server answered HTTP 503 (3 attempts)");
    check_no_secret(log.lines[0].second);
}

TEST_CASE("webhook_notifier does not retry a 4xx other than 429") {
    http_listener server({{404, 0ms}, {200, 0ms}});
    captured_log log;
    // With a user and password in the URL, which libcurl sends as Basic authentication.
    const std::string url = "http://lolpop:s3cretUserinfo@127.0.0.1:" + std::to_string(server.port()) + secret_path;
    const lolpop::webhook_notifier notifier(config_for(url, 2), log.ctx);
    notifier.notify(lolpop::log_level::warn, "not found");
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests()[0].header("authorization") == secret_header);
    REQUIRE(log.lines.size() == 1);
    CHECK(log.lines[0].second.find("the server answered HTTP 404 (1 attempt)") != std::string::npos);
    check_no_secret(log.lines[0].second);
}

TEST_CASE("webhook_notifier gives up on a server slower than timeout_ms, each attempt timed") {
    http_listener server({{200, 3000ms}, {200, 3000ms}});
    captured_log log;
    const lolpop::webhook_notifier notifier(config_for(secret_url(server), 1, 300), log.ctx);
    const auto start = std::chrono::steady_clock::now();
    notifier.notify(lolpop::log_level::warn, "slow");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(server.requests().size() == 2);
    // Two attempts of 300 ms and a backoff of 100 ms, with room for a busy machine.
    CHECK(elapsed >= 600ms);
    CHECK(elapsed < 2000ms);
    REQUIRE(log.lines.size() == 1);
    CHECK(log.lines[0].second.find("timed out") != std::string::npos);
    CHECK(log.lines[0].second.find("(2 attempts)") != std::string::npos);
    check_no_secret(log.lines[0].second);
}

TEST_CASE("webhook_notifier logs one warning for a server nobody runs, and returns") {
    const std::uint16_t port = lolpop_test::free_port();
    captured_log log;
    auto c = config_for("http://127.0.0.1:" + std::to_string(port) + secret_path + "?" + secret_query, 2, 500);
    const lolpop::webhook_notifier notifier(c, log.ctx);
    const auto start = std::chrono::steady_clock::now();
    CHECK_NOTHROW(notifier.notify(lolpop::log_level::error, "nobody listens"));
    CHECK(std::chrono::steady_clock::now() - start < 500ms * 3 + 1000ms);
    REQUIRE(log.lines.size() == 1);
    const std::string& warning = log.lines[0].second;
    CHECK(warning.find("webhook_notifier could not deliver an error notification to http://127.0.0.1:" +
                       std::to_string(port) + ": ") == 0);
    CHECK(warning.find("(3 attempts)") != std::string::npos);
    check_no_secret(warning);
}

TEST_CASE("webhook_notifier survives a logger that throws while it warns") {
    lolpop::context ctx;
    ctx.set_logger([](lolpop::log_level, std::string_view) { throw std::runtime_error("the log disk is full"); });
    const lolpop::webhook_notifier notifier(config_for("http://127.0.0.1:" + std::to_string(lolpop_test::free_port()), 0),
                                            ctx);
    CHECK_NOTHROW(notifier.notify(lolpop::log_level::error, "nobody listens, nobody logs"));
}

TEST_CASE("webhook_notifier names the setting it cannot use, and never quotes the URL") {
    lolpop::context ctx;
    const auto message = [&](const lolpop::webhook_notifier::config& c) -> std::string {
        try {
            lolpop::webhook_notifier notifier(c, ctx);
        } catch (const lolpop::error& e) {
            return e.what();
        }
        return "no error";
    };
    auto c = config_for("ftp://hooks.example.com/s3cret");
    CHECK(message(c) == "the URL must start with http:// or https://, not ftp:// (webhook_notifier.url)");
    c.url = "";
    CHECK(message(c) == "the webhook URL is empty (webhook_notifier.url)");
    c.url = "hooks.example.com/s3cret";
    CHECK(message(c).find("(webhook_notifier.url)") != std::string::npos);
    check_no_secret(message(c));
    c.url = "https://hooks.example.com:99999/s3cret";
    CHECK(message(c).find("(webhook_notifier.url)") != std::string::npos);
    check_no_secret(message(c));

    c = config_for("https://hooks.example.com/s3cret");
    c.level = "loud";
    CHECK(message(c) == "unknown log level 'loud' (expected debug, info, warn or error) (webhook_notifier.level)");
    c = config_for("https://hooks.example.com/s3cret", 2, 0);
    CHECK(message(c) == "must be from 1 to 600000 milliseconds, got 0 (webhook_notifier.timeout_ms)");
    c = config_for("https://hooks.example.com/s3cret", 11);
    CHECK(message(c) == "must be from 0 to 10, got 11 (webhook_notifier.retries)");
    c = config_for("https://hooks.example.com/s3cret");
    c.headers = {{"X-Token", "s3cret\r\nX-Injected: yes"}};
    CHECK(message(c) == "the value holds a line break or a NUL, which would end the header (webhook_notifier.headers.X-Token)");
    c.headers = {{"Bad Name", "value"}};
    CHECK(message(c).find("not an HTTP header name") == 0);
    c.headers = {};
    CHECK(message(c) == "no error");
}
