#pragma once
// An HTTP server on 127.0.0.1 on a free port, for the tests of components that talk HTTP. It
// records each request (method, target, headers, body) and answers with the replies the test
// scripts, in order (200 once the script is done), each after its delay. Each connection is
// served on a thread of its own, so that a delayed answer does not hold a retry back. It stops
// when it goes out of scope.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lolpop_test {

struct http_request {
    std::string method;
    std::string target;
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;

    // The value of the header named `name` (in lower case), or "" when there is none.
    std::string header(std::string_view name) const {
        for (const auto& h : headers)
            if (h.first == name) return h.second;
        return {};
    }
};

struct http_reply {
    int status = 200;
    std::chrono::milliseconds delay{0};
};

class http_listener {
public:
    explicit http_listener(std::vector<http_reply> script = {}) : script_(std::move(script)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) throw std::runtime_error("http_listener: cannot open a socket");
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            ::close(fd_);
            throw std::runtime_error("http_listener: cannot listen on 127.0.0.1");
        }
        port_ = ntohs(address.sin_port);
        accepting_ = std::thread([this] { accept_loop(); });
    }
    ~http_listener() {
        stop_ = true;
        accepting_.join();
        for (auto& connection : connections_) connection.join();
        ::close(fd_);
    }
    http_listener(const http_listener&) = delete;
    http_listener& operator=(const http_listener&) = delete;

    std::uint16_t port() const noexcept { return port_; }
    std::string url(std::string_view target = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + std::string(target);
    }
    std::vector<http_request> requests() const {
        std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    void accept_loop() {
        while (!stop_) {
            pollfd ready{fd_, POLLIN, 0};
            if (::poll(&ready, 1, 20) <= 0) continue;
            const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) continue;
            connections_.emplace_back([this, client] {
                serve(client);
                ::close(client);
            });
        }
    }

    // Appends what the client sent; false once it closed, failed or the listener stops.
    bool read_some(int client, std::string& data) const {
        while (!stop_) {
            pollfd ready{client, POLLIN, 0};
            if (::poll(&ready, 1, 20) <= 0) continue;
            char buffer[4096];
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) return false;
            data.append(buffer, static_cast<std::size_t>(n));
            return true;
        }
        return false;
    }

    void serve(int client) {
        std::string data;
        std::size_t head_end;
        while ((head_end = data.find("\r\n\r\n")) == std::string::npos)
            if (!read_some(client, data)) return;
        http_request request;
        std::string_view head(data.data(), head_end);
        const auto next_line = [&] {
            const std::size_t end = std::min(head.find("\r\n"), head.size());
            const std::string_view line = head.substr(0, end);
            head.remove_prefix(std::min(end + 2, head.size()));
            return line;
        };
        const std::string_view request_line = next_line();
        const std::size_t space = request_line.find(' ');
        request.method = std::string(request_line.substr(0, space));
        request.target = std::string(request_line.substr(space + 1, request_line.rfind(' ') - space - 1));
        std::size_t content_length = 0;
        while (!head.empty()) {
            const std::string_view line = next_line();
            const std::size_t colon = line.find(':');
            std::string name(line.substr(0, colon));
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            std::string value(colon == std::string_view::npos ? "" : line.substr(colon + 1));
            value.erase(0, value.find_first_not_of(' '));
            if (name == "content-length") content_length = std::stoul(value);
            request.headers.emplace_back(std::move(name), std::move(value));
        }
        while (data.size() < head_end + 4 + content_length)
            if (!read_some(client, data)) return;
        request.body = data.substr(head_end + 4, content_length);

        http_reply reply;
        {
            std::lock_guard lock(mutex_);
            if (requests_.size() < script_.size()) reply = script_[requests_.size()];
            requests_.push_back(std::move(request));
        }
        for (auto waited = std::chrono::milliseconds(0); waited < reply.delay && !stop_; waited += std::chrono::milliseconds(10))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        const std::string response = "HTTP/1.1 " + std::to_string(reply.status) +
                                     " Scripted\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        // The client may have given up waiting: no SIGPIPE for a closed connection.
        (void)::send(client, response.data(), response.size(), MSG_NOSIGNAL);
    }

    std::vector<http_reply> script_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::vector<http_request> requests_;
    std::thread accepting_;
    std::vector<std::thread> connections_;  // the accepting thread's alone until it is joined
};

}  // namespace lolpop_test
