#pragma once
// libcurl for the notifiers that deliver over the network (webhook_notifier, smtp_notifier): an
// easy handle and a header list that every way out of a function frees, the reason a transfer
// failed in libcurl's own words, and the parts of a URL that messages may show.
#include <curl/curl.h>

#include <string>
#include <string_view>

namespace lolpop::detail {

class curl_handle {
public:
    // Sets libcurl up for the process on first use. Throws lolpop::error when it cannot start.
    curl_handle();
    ~curl_handle();
    curl_handle(const curl_handle&) = delete;
    curl_handle& operator=(const curl_handle&) = delete;

    // A refused option means a libcurl built without the feature: throws lolpop::error naming it.
    template <class T>
    void set(CURLoption option, T value) {
        check(curl_easy_setopt(handle_, option, value), option);
    }

    // Runs the transfer; CURLE_OK or what went wrong, which reason() puts in words.
    CURLcode perform();
    // libcurl's detailed text of the last transfer's failure when it gave one, else the code's.
    std::string reason(CURLcode code) const;
    // The last response's status code (HTTP) or reply code (SMTP), 0 when there was none.
    long response_code() const;

private:
    void check(CURLcode code, CURLoption option) const;

    CURL* handle_;
    char errors_[CURL_ERROR_SIZE] = {};
};

// A curl_slist (headers, recipients).
class curl_list {
public:
    curl_list() = default;
    ~curl_list() { curl_slist_free_all(list_); }
    curl_list(const curl_list&) = delete;
    curl_list& operator=(const curl_list&) = delete;

    void append(const std::string& item);  // throws std::bad_alloc when libcurl cannot copy it
    curl_slist* get() const noexcept { return list_; }

private:
    curl_slist* list_ = nullptr;
};

struct url_parts {
    std::string scheme;  // lower case
    std::string host;
    std::string port;  // as the URL gives it, empty when it gives none
    bool has_user = false;

    // scheme://host[:port]: all of a URL that messages show, since its user, password, path or
    // query may be a credential (a Slack webhook's is its path).
    std::string server() const;
};

// Throws lolpop::error naming `where` when `url` is not a URL; the message never quotes the URL.
url_parts parse_url(const std::string& url, std::string_view where);

}  // namespace lolpop::detail
