#pragma once
// webhook_notifier — posts each notification as JSON to an HTTP(S) endpoint, for chat channels
// (Slack's incoming webhooks read its "text") and alerting services:
//   {"text": "[warn] data drift in column age", "level": "warn", "message": "data drift in column age"}
// A notification that cannot be delivered (no connection, a timeout, an error status after the
// retries) is one warning in the workflow's log, never a failed workflow. Messages show only the
// URL's scheme, host and port: a webhook URL's path often is its credential.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>
#include <lolpop/core/context.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class webhook_notifier {
public:
    struct config {
        secret url;                  // http:// or https://
        std::string level = "warn";  // the lowest level sent: debug, info, warn or error
        int timeout_ms = 5000;       // per attempt, connecting included: 1 to 600000
        // Further attempts after a failed connection, a timeout, a 429 or a 5xx status: 0 to 10.
        int retries = 2;
        // Sent with each request (an Authorization header): shown by name only.
        std::map<std::string, secret> headers;
    };
    static constexpr std::string_view name = "webhook_notifier";

    // Throws lolpop::error naming the setting (webhook_notifier.url, .level, .timeout_ms,
    // .retries, .headers.<name>) for a value it cannot use; the message never quotes the URL or a
    // header's value.
    webhook_notifier(const config& cfg, context& ctx);

    // Delivery problems are logged as one warning through the context: notify never throws.
    void notify(log_level level, std::string_view message) const noexcept;

private:
    std::string deliver(log_level level, std::string_view message) const;

    std::string url_;
    std::string server_;  // what messages show of url_
    log_level threshold_;
    long timeout_ms_;
    int retries_;
    std::vector<std::string> headers_;  // "Name: value" lines
    const context* ctx_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::webhook_notifier::config, url, level, timeout_ms, retries, headers);

static_assert(lolpop::notifier<lolpop::webhook_notifier>);
