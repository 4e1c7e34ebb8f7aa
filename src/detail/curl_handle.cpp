#include "detail/curl_handle.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <cctype>
#include <memory>
#include <new>

namespace lolpop::detail {

namespace {

// curl_global_init is not thread-safe, and must run before the first handle: a function-local
// static runs it once.
void init_libcurl() {
    static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) throw error(std::string("libcurl cannot start: ") + curl_easy_strerror(code), "libcurl");
}

}  // namespace

curl_handle::curl_handle() {
    init_libcurl();
    handle_ = curl_easy_init();
    if (handle_ == nullptr) throw error("libcurl cannot create a transfer handle", "libcurl");
    try {
        set(CURLOPT_ERRORBUFFER, errors_);
        // No signals: the timeouts work in any thread, and a notifier never disturbs the process.
        set(CURLOPT_NOSIGNAL, 1L);
    } catch (...) {
        curl_easy_cleanup(handle_);
        throw;
    }
}

curl_handle::~curl_handle() { curl_easy_cleanup(handle_); }

void curl_handle::check(CURLcode code, CURLoption option) const {
    if (code != CURLE_OK)
        throw error(fmt::format("libcurl refuses option {}: {}", static_cast<int>(option), curl_easy_strerror(code)),
                    "libcurl");
}

CURLcode curl_handle::perform() {
    errors_[0] = '\0';
    return curl_easy_perform(handle_);
}

std::string curl_handle::reason(CURLcode code) const {
    return errors_[0] != '\0' ? std::string(errors_) : std::string(curl_easy_strerror(code));
}

long curl_handle::response_code() const {
    long code = 0;
    if (curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &code) != CURLE_OK) return 0;
    return code;
}

void curl_list::append(const std::string& item) {
    curl_slist* longer = curl_slist_append(list_, item.c_str());
    if (longer == nullptr) throw std::bad_alloc();
    list_ = longer;
}

std::string url_parts::server() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }

url_parts parse_url(const std::string& url, std::string_view where) {
    const std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
    if (!handle) throw std::bad_alloc();
    // Any scheme parses, so that the caller can name the ones it takes.
    if (const CURLUcode code = curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
        code != CURLUE_OK)
        throw error(std::string("not a URL: ") + curl_url_strerror(code), std::string(where));
    const auto part = [&](CURLUPart which, std::string& out) {
        char* text = nullptr;
        if (curl_url_get(handle.get(), which, &text, 0) != CURLUE_OK) return false;
        out = text;
        curl_free(text);
        return true;
    };
    url_parts parts;
    if (!part(CURLUPART_SCHEME, parts.scheme) || !part(CURLUPART_HOST, parts.host) || parts.host.empty())
        throw error("not a URL with a scheme and a host", std::string(where));
    for (char& c : parts.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    part(CURLUPART_PORT, parts.port);
    std::string user;
    parts.has_user = part(CURLUPART_USER, user);
    return parts;
}

}  // namespace lolpop::detail
