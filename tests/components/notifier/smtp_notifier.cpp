#include <lolpop/components/notifier/smtp_notifier.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/testing/notifier_laws.hpp>

#include "../../free_port.hpp"
#include "../../smtp_server.hpp"
#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace std::chrono_literals;

struct captured_log {
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> lines;
    captured_log() {
        ctx.set_logger([this](lolpop::log_level level, std::string_view message) { lines.emplace_back(level, message); });
    }
};

lolpop::smtp_notifier::config config_for(const std::string& url) {
    lolpop::smtp_notifier::config c;
    c.url = url;
    c.from = "lolpop@ml.example.com";
    c.to = {"oncall@example.com", "team@example.org"};
    c.tls = "none";  // aiosmtpd here offers no STARTTLS
    c.timeout_ms = 5000;
    return c;
}

// A stored message's header, its continuation lines unfolded, or "" (the maildir file has LF endings).
std::string header(const std::string& message, const std::string& name) {
    const std::string head = message.substr(0, message.find("\n\n"));
    const std::size_t start = head.find(name + ": ") == 0 ? 0 : head.find("\n" + name + ": ");
    if (start == std::string::npos) return {};
    std::size_t pos = head.find(": ", start) + 2;
    std::string value;
    while (true) {
        const std::size_t end = std::min(head.find('\n', pos), head.size());
        value += head.substr(pos, end - pos);
        if (end == head.size() || (head[end + 1] != ' ' && head[end + 1] != '\t')) break;
        pos = end + 1;
    }
    return value;
}

std::string body(const std::string& message) { return message.substr(message.find("\n\n") + 2); }

}  // namespace

TEST_CASE("smtp_notifier sends an RFC 5322 message that the server stores") {
    lolpop_test::temp_directory dir;
    lolpop_test::smtp_server server(dir.path());
    captured_log log;
    const lolpop::smtp_notifier notifier(config_for(server.url()), log.ctx);
    notifier.notify(lolpop::log_level::error, "model check failed: AUC 0.61 < 0.70\n.a line that starts with a dot\n\nsee the report");

    CHECK(log.lines.empty());
    const auto messages = server.messages();
    REQUIRE(messages.size() == 1);
    const std::string& m = messages[0];
    CHECK(header(m, "X-MailFrom") == "lolpop@ml.example.com");
    CHECK(header(m, "X-RcptTo") == "oncall@example.com, team@example.org");
    CHECK(header(m, "From") == "lolpop@ml.example.com");
    CHECK(header(m, "To") == "oncall@example.com, team@example.org");
    CHECK(header(m, "Subject") == "[lolpop] error: model check failed: AUC 0.61 < 0.70");
    CHECK(header(m, "MIME-Version") == "1.0");
    CHECK(header(m, "Content-Type") == "text/plain; charset=utf-8");
    CHECK(std::regex_match(header(m, "Date"), std::regex(R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000)")));
    CHECK(std::regex_match(header(m, "Message-ID"), std::regex(R"(<\d+\.[0-9a-f]{16}@ml\.example\.com>)")));
    // The dot that starts a line arrives as it was sent: libcurl doubles it, the server undoes that.
    CHECK(body(m) == "model check failed: AUC 0.61 < 0.70\n.a line that starts with a dot\n\nsee the report\n");
}

TEST_CASE("smtp_notifier cuts the subject at 100 bytes and encodes a non-ASCII one") {
    lolpop_test::temp_directory dir;
    lolpop_test::smtp_server server(dir.path());
    captured_log log;
    auto c = config_for(server.url());
    c.subject_prefix = "[churn]";
    const lolpop::smtp_notifier notifier(c, log.ctx);
    const std::string long_line(150, 'x');
    notifier.notify(lolpop::log_level::warn, long_line + "\nsecond line");
    notifier.notify(lolpop::log_level::warn, "dérive des données");
    const auto messages = server.messages();
    REQUIRE(messages.size() == 2);
    CHECK(header(messages[0], "Subject") == "[churn] warn: " + std::string(100, 'x') + "...");
    CHECK(body(messages[0]) == long_line + "\nsecond line\n");
    // "[churn] warn: dérive des données" in base64, one RFC 2047 word.
    CHECK(header(messages[1], "Subject") == "=?utf-8?B?W2NodXJuXSB3YXJuOiBkw6lyaXZlIGRlcyBkb25uw6llcw==?=");
    CHECK(body(messages[1]) == "dérive des données\n");
    CHECK(log.lines.empty());
}

TEST_CASE("smtp_notifier sends the notifications at or above its level only, and keeps the role's laws") {
    lolpop_test::temp_directory dir;
    lolpop_test::smtp_server server(dir.path());
    captured_log log;
    CHECK_NOTHROW(lolpop::testing::check_notifier_laws([&] { return lolpop::smtp_notifier(config_for(server.url()), log.ctx); },
                                                       [&] { return server.messages().size(); }));
    CHECK(log.lines.empty());
}

TEST_CASE("smtp_notifier logs one warning for a server nobody runs, and returns") {
    const std::uint16_t port = lolpop_test::free_port();
    captured_log log;
    auto c = config_for("smtp://127.0.0.1:" + std::to_string(port));
    c.username = "lolpop";
    c.password = "s3cretPassword";
    const lolpop::smtp_notifier notifier(c, log.ctx);
    CHECK_NOTHROW(notifier.notify(lolpop::log_level::error, "nobody listens"));
    REQUIRE(log.lines.size() == 1);
    CHECK(log.lines[0].first == lolpop::log_level::warn);
    CHECK(log.lines[0].second.find("smtp_notifier could not deliver an error notification to smtp://127.0.0.1:" +
                                   std::to_string(port) + ": ") == 0);
    CHECK(log.lines[0].second.find("s3cret") == std::string::npos);
}

TEST_CASE("smtp_notifier logs one warning when the server refuses the message or cannot give TLS") {
    lolpop_test::temp_directory dir;
    // A server that takes messages of at most 100 bytes: it refuses ours at MAIL FROM (SIZE=...).
    lolpop_test::smtp_server server(dir.path(), {"--size", "100"});
    captured_log log;
    const lolpop::smtp_notifier small(config_for(server.url()), log.ctx);
    small.notify(lolpop::log_level::warn, "too long for this server");
    auto c = config_for(server.url());
    c.tls = "required";
    const lolpop::smtp_notifier secure(c, log.ctx);
    secure.notify(lolpop::log_level::warn, "only over TLS");
    CHECK(server.messages().empty());
    REQUIRE(log.lines.size() == 2);
    CHECK(log.lines[0].second.find("smtp_notifier could not deliver a warn notification to " + server.url() + ": ") == 0);
    CHECK(log.lines[0].second.find("552") != std::string::npos);
    CHECK(log.lines[1].second.find("smtp_notifier could not deliver a warn notification to " + server.url() + ": ") == 0);
    CHECK(log.lines[1].second.find("STARTTLS") != std::string::npos);
}

TEST_CASE("smtp_notifier names the setting it cannot use") {
    lolpop::context ctx;
    const auto message = [&](const lolpop::smtp_notifier::config& c) -> std::string {
        try {
            lolpop::smtp_notifier notifier(c, ctx);
        } catch (const lolpop::error& e) {
            return e.what();
        }
        return "no error";
    };
    auto c = config_for("http://mail.example.com");
    CHECK(message(c) == "the URL must start with smtp:// or smtps://, not http:// (smtp_notifier.url)");
    c.url = "smtp://lolpop:s3cret@mail.example.com:587";
    CHECK(message(c) == "the URL holds a user name: give it and the password as username and password (smtp_notifier.url)");
    c = config_for("smtps://mail.example.com:465");
    CHECK(message(c) == "no error");
    c.from = "lolpop";
    CHECK(message(c) == "not an e-mail address (name@domain) (smtp_notifier.from)");
    c = config_for("smtps://mail.example.com:465");
    c.to = {};
    CHECK(message(c) == "no recipient: list at least one address (smtp_notifier.to)");
    c.to = {"oncall@example.com", "team@example.org>\r\nBcc: someone@example.net"};
    CHECK(message(c) == "recipient 2 is not an e-mail address (name@domain) (smtp_notifier.to)");
    c = config_for("smtps://mail.example.com:465");
    c.tls = "sometimes";
    CHECK(message(c) == "unknown TLS mode 'sometimes' (expected none, try or required) (smtp_notifier.tls)");
    c = config_for("smtps://mail.example.com:465");
    c.subject_prefix = "[x]\r\nBcc: someone@example.net";
    CHECK(message(c) == "holds a control character (smtp_notifier.subject_prefix)");
    c = config_for("smtps://mail.example.com:465");
    c.timeout_ms = 600001;
    CHECK(message(c) == "must be from 1 to 600000 milliseconds, got 600001 (smtp_notifier.timeout_ms)");
}
