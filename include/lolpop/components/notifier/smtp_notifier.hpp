#pragma once
// smtp_notifier — sends each notification as an e-mail through an SMTP server, for the people
// who watch a mailbox rather than a terminal or a chat channel. The subject carries the level
// and the message's first line ("[lolpop] warn: data drift in column age"), the plain-text body
// the whole message. A notification that cannot be delivered (no connection, a timeout, a
// rejected sender or recipient) is one warning in the workflow's log, never a failed workflow.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>
#include <lolpop/core/context.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class smtp_notifier {
public:
    struct config {
        std::string url;              // smtp://host:port (STARTTLS as tls says) or smtps://host:port
        std::string from;             // the sender's address, name@domain
        std::vector<std::string> to;  // the recipients' addresses, at least one
        std::string username;         // for the server's AUTH, when it asks for one
        secret password;
        // STARTTLS on smtp://: "none" (never), "try" (when the server offers it) or "required"
        // (the default: no credentials or message in clear text).
        std::string tls = "required";
        std::string level = "warn";  // the lowest level sent: debug, info, warn or error
        int timeout_ms = 10000;      // the whole exchange, connecting included: 1 to 600000
        std::string subject_prefix = "[lolpop]";
    };
    static constexpr std::string_view name = "smtp_notifier";

    // Throws lolpop::error naming the setting (smtp_notifier.url, .from, .to, .tls, .level,
    // .timeout_ms, .subject_prefix) for a value it cannot use; the message never quotes the password.
    smtp_notifier(const config& cfg, context& ctx);

    // Delivery problems are logged as one warning through the context: notify never throws.
    void notify(log_level level, std::string_view message) const noexcept;

private:
    std::string deliver(log_level level, std::string_view message) const;

    config config_;
    std::string server_;  // what messages show of the URL
    std::string domain_;  // the sender's, for Message-ID
    log_level threshold_;
    long use_ssl_;  // CURLOPT_USE_SSL's value
    const context* ctx_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::smtp_notifier::config, url, from, to, username, password, tls, level, timeout_ms,
                        subject_prefix);

static_assert(lolpop::notifier<lolpop::smtp_notifier>);
