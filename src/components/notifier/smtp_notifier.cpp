#include <lolpop/components/notifier/smtp_notifier.hpp>
#include <lolpop/core/error.hpp>

#include "detail/curl_handle.hpp"
#include "detail/delivery_warning.hpp"
#include "detail/random_hex.hpp"
#include "detail/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <ctime>

namespace lolpop {

namespace {

// name@domain and nothing around it: the address goes into the envelope as <address> and into the
// headers as it is, so spaces, brackets, commas and control characters would change either.
bool is_address(std::string_view address) {
    const std::size_t at = address.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 == address.size() || address.find('@', at + 1) != std::string_view::npos)
        return false;
    return std::none_of(address.begin(), address.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) == 0x7F ||
               std::string_view("<>,;\"()[]\\").find(c) != std::string_view::npos;
    });
}

bool has_control_character(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// `s` with each byte that is not part of a UTF-8 sequence replaced by U+FFFD, as the message's
// charset=utf-8 promises: a message may quote bytes from any input file.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t length = static_cast<unsigned char>(s[i]) < 0x80 ? 1 : detail::utf8_sequence_length(s.substr(i));
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            length = 1;
        } else {
            out += s.substr(i, length);
        }
        i += length;
    }
    return out;
}

// The longest prefix of valid UTF-8 `s` of at most `bytes` bytes that ends between characters.
std::string_view utf8_prefix(std::string_view s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
    return s.substr(0, bytes);
}

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k)
            group = (group << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? digits[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
    return out;
}

// A header's text: as it is when ASCII, else RFC 2047 encoded words of at most 45 bytes each
// (75 characters encoded), folded onto continuation lines.
std::string header_text(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(text);
    std::string out;
    while (!text.empty()) {
        const std::string_view word = utf8_prefix(text, 45);
        if (!out.empty()) out += "\r\n ";
        out += "=?utf-8?B?" + base64(word) + "?=";
        text.remove_prefix(word.size());
    }
    return out;
}

// "<prefix> <level>: <first line of the message>", the line cut at 100 bytes.
std::string subject(std::string_view prefix, log_level level, std::string_view message) {
    std::string line = valid_utf8(message.substr(0, message.find_first_of("\r\n")));
    for (char& c : line)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    std::string_view first = utf8_prefix(line, 100);
    std::string text = fmt::format("{}{}{}: {}", prefix, prefix.empty() ? "" : " ", to_string(level), first);
    if (first.size() < line.size()) text += "...";
    return header_text(text);
}

// The body with CRLF line endings, as SMTP carries text, and no line longer than the 998 bytes it
// allows (a longer line continues on the next).
std::string body(std::string_view message) {
    const std::string text = valid_utf8(message);
    std::string out;
    std::string_view rest = text;
    while (true) {
        const std::size_t end = rest.find_first_of("\r\n");
        std::string_view line = rest.substr(0, end);
        while (line.size() > 998) {
            const std::string_view part = utf8_prefix(line, 998);
            out += part;
            out += "\r\n";
            line.remove_prefix(part.size());
        }
        out += line;
        out += "\r\n";
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + (rest.compare(end, 2, "\r\n") == 0 ? 2 : 1));
        if (rest.empty()) break;
    }
    return out;
}

// RFC 5322's date, in UTC: "Tue, 08 Dec 2026 00:03:37 +0000". The names are the format's, not
// the locale's.
std::string rfc5322_date(std::time_t t) {
    static constexpr std::array<const char*, 7> days = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm utc{};
    gmtime_r(&t, &utc);
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", days.at(static_cast<std::size_t>(utc.tm_wday)),
                       utc.tm_mday, months.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                       utc.tm_min, utc.tm_sec);
}

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* data) {
    auto& rest = *static_cast<std::string_view*>(data);
    const std::size_t n = std::min(size * count, rest.size());
    std::memcpy(buffer, rest.data(), n);
    rest.remove_prefix(n);
    return n;
}

long use_ssl(std::string_view tls) {
    if (tls == "none") return CURLUSESSL_NONE;
    if (tls == "try") return CURLUSESSL_TRY;
    if (tls == "required") return CURLUSESSL_ALL;
    throw error(fmt::format("unknown TLS mode '{}' (expected none, try or required)", tls), "smtp_notifier.tls");
}

}  // namespace

smtp_notifier::smtp_notifier(const config& cfg, context& ctx)
    : config_(cfg),
      threshold_(parse_log_level(cfg.level, "smtp_notifier.level")),
      use_ssl_(use_ssl(cfg.tls)),
      ctx_(&ctx) {
    if (cfg.url.empty()) throw error("the SMTP server's URL is empty", "smtp_notifier.url");
    const detail::url_parts parts = detail::parse_url(cfg.url, "smtp_notifier.url");
    if (parts.scheme != "smtp" && parts.scheme != "smtps")
        throw error(fmt::format("the URL must start with smtp:// or smtps://, not {}://", parts.scheme), "smtp_notifier.url");
    if (parts.has_user)
        throw error("the URL holds a user name: give it and the password as username and password", "smtp_notifier.url");
    server_ = parts.server();
    if (!is_address(cfg.from)) throw error("not an e-mail address (name@domain)", "smtp_notifier.from");
    domain_ = cfg.from.substr(cfg.from.find('@') + 1);
    if (cfg.to.empty()) throw error("no recipient: list at least one address", "smtp_notifier.to");
    for (std::size_t k = 0; k < cfg.to.size(); ++k)
        if (!is_address(cfg.to[k]))
            throw error(fmt::format("recipient {} is not an e-mail address (name@domain)", k + 1), "smtp_notifier.to");
    if (has_control_character(cfg.username)) throw error("holds a control character", "smtp_notifier.username");
    if (has_control_character(cfg.subject_prefix))
        throw error("holds a control character", "smtp_notifier.subject_prefix");
    if (cfg.timeout_ms < 1 || cfg.timeout_ms > 600000)
        throw error(fmt::format("must be from 1 to 600000 milliseconds, got {}", cfg.timeout_ms), "smtp_notifier.timeout_ms");
}

void smtp_notifier::notify(log_level level, std::string_view message) const noexcept {
    if (level < threshold_) return;
    detail::deliver_or_warn(*ctx_, name, server_, level, [&] { return deliver(level, message); });
}

std::string smtp_notifier::deliver(log_level level, std::string_view message) const {
    const auto now = std::chrono::system_clock::now();
    std::string to_header;
    for (const auto& address : config_.to) to_header += (to_header.empty() ? "" : ",\r\n ") + address;
    const std::string mail =
        fmt::format("Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <{}.{}@{}>\r\nMIME-Version: 1.0\r\n"
                    "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{}",
                    rfc5322_date(std::chrono::system_clock::to_time_t(now)), config_.from, to_header,
                    subject(config_.subject_prefix, level, message),
                    std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count(),
                    detail::random_hex64(), domain_, body(message));

    detail::curl_list recipients;
    for (const auto& address : config_.to) recipients.append("<" + address + ">");
    std::string_view upload = mail;
    detail::curl_handle curl;
    curl.set(CURLOPT_URL, config_.url.c_str());
    curl.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl.set(CURLOPT_USE_SSL, use_ssl_);
    if (!config_.username.empty()) curl.set(CURLOPT_USERNAME, config_.username.c_str());
    if (!config_.password.empty()) curl.set(CURLOPT_PASSWORD, config_.password.reveal().c_str());
    const std::string mail_from = "<" + config_.from + ">";
    curl.set(CURLOPT_MAIL_FROM, mail_from.c_str());
    curl.set(CURLOPT_MAIL_RCPT, recipients.get());
    curl.set(CURLOPT_UPLOAD, 1L);
    curl.set(CURLOPT_READFUNCTION, &read_upload);
    curl.set(CURLOPT_READDATA, &upload);
    curl.set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mail.size()));
    curl.set(CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout_ms));
    curl.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.timeout_ms));
    if (const CURLcode code = curl.perform(); code != CURLE_OK) return curl.reason(code);
    return {};
}

}  // namespace lolpop
