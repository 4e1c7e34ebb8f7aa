#include <lolpop/components/notifier/webhook_notifier.hpp>
#include <lolpop/core/error.hpp>

#include "detail/curl_handle.hpp"
#include "detail/delivery_warning.hpp"
#include "detail/json_string.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace lolpop {

namespace {

constexpr std::string_view where_url = "webhook_notifier.url";

// An HTTP header name (RFC 9110's token): anything else would break the request.
bool is_header_name(std::string_view name) {
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

bool is_header_value(std::string_view value) {
    return std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

// One attempt: "" once the endpoint took the notification, else why not and whether to try again.
struct attempt {
    std::string failure;
    bool retry = false;
};

// The statuses worth another attempt: the server is overloaded or failing, not refusing this request.
bool retryable_status(long status) { return status == 429 || status >= 500; }

bool retryable_code(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE: return true;
        default: return false;
    }
}

}  // namespace

webhook_notifier::webhook_notifier(const config& cfg, context& ctx)
    : url_(cfg.url.reveal()),
      threshold_(parse_log_level(cfg.level, "webhook_notifier.level")),
      timeout_ms_(cfg.timeout_ms),
      retries_(cfg.retries),
      ctx_(&ctx) {
    if (url_.empty()) throw error("the webhook URL is empty", std::string(where_url));
    const detail::url_parts parts = detail::parse_url(url_, where_url);
    if (parts.scheme != "http" && parts.scheme != "https")
        throw error(fmt::format("the URL must start with http:// or https://, not {}://", parts.scheme),
                    std::string(where_url));
    server_ = parts.server();
    if (cfg.timeout_ms < 1 || cfg.timeout_ms > 600000)
        throw error(fmt::format("must be from 1 to 600000 milliseconds, got {}", cfg.timeout_ms),
                    "webhook_notifier.timeout_ms");
    if (cfg.retries < 0 || cfg.retries > 10)
        throw error(fmt::format("must be from 0 to 10, got {}", cfg.retries), "webhook_notifier.retries");
    for (const auto& [header, value] : cfg.headers) {
        if (!is_header_name(header))
            throw error("not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)", "webhook_notifier.headers");
        if (!is_header_value(value.reveal()))
            throw error("the value holds a line break or a NUL, which would end the header",
                        "webhook_notifier.headers." + header);
        headers_.push_back(header + ": " + value.reveal());
    }
}

void webhook_notifier::notify(log_level level, std::string_view message) const noexcept {
    if (level < threshold_) return;
    detail::deliver_or_warn(*ctx_, name, server_, level, [&] { return deliver(level, message); });
}

std::string webhook_notifier::deliver(log_level level, std::string_view message) const {
    const std::string_view level_name = to_string(level);
    std::string body = "{\"text\": ";
    detail::append_json_string(body, fmt::format("[{}] {}", level_name, message));
    body += ", \"level\": ";
    detail::append_json_string(body, level_name);
    body += ", \"message\": ";
    detail::append_json_string(body, message);
    body += "}";

    detail::curl_list headers;
    headers.append("Content-Type: application/json");
    headers.append("Expect:");  // a notification is small: no round trip for 100-continue
    for (const auto& line : headers_) headers.append(line);

    const auto post = [&]() -> attempt {
        detail::curl_handle curl;
        curl.set(CURLOPT_URL, url_.c_str());
        curl.set(CURLOPT_PROTOCOLS_STR, "http,https");
        curl.set(CURLOPT_HTTPHEADER, headers.get());
        curl.set(CURLOPT_POST, 1L);
        curl.set(CURLOPT_POSTFIELDS, body.data());
        curl.set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl.set(CURLOPT_USERAGENT, "lolpop");
        curl.set(CURLOPT_TIMEOUT_MS, timeout_ms_);
        curl.set(CURLOPT_CONNECTTIMEOUT_MS, timeout_ms_);
        curl.set(CURLOPT_WRITEFUNCTION, &discard);
        if (const CURLcode code = curl.perform(); code != CURLE_OK) return {curl.reason(code), retryable_code(code)};
        const long status = curl.response_code();
        if (status >= 200 && status < 300) return {};
        return {fmt::format("the server answered HTTP {}", status), retryable_status(status)};
    };

    for (int tries = 1;; ++tries) {
        const attempt outcome = post();
        if (outcome.failure.empty()) return {};
        if (!outcome.retry || tries > retries_)
            return fmt::format("{} ({} attempt{})", outcome.failure, tries, tries == 1 ? "" : "s");
        // A short backoff, doubling: 100 ms, 200 ms, ... at most 2 s, so that the retries end soon.
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100 << (tries - 1), 2000)));
    }
}

}  // namespace lolpop
