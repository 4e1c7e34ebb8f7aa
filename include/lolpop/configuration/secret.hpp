#pragma once
// lolpop::secret — a setting that holds a credential: a connection string with a password, a
// webhook URL, a token. It is set like a string (from the profile, normally "${env:NAME}", which
// is read at run time and so never compiled into the binary, or from --set), but it is never
// shown: --describe, the run report and a model's stored parameters print "(secret)" for it, or
// "" when it is empty, so that an unset credential still shows.
#include <string>
#include <string_view>
#include <utility>

namespace lolpop {

class secret {
public:
    secret() = default;
    // Implicit: a profile's string, as the generated header assigns it.
    secret(std::string value) : value_(std::move(value)) {}
    secret(const char* value) : value_(value) {}

    // The credential itself, for the library that needs it; named so that a use stands out.
    const std::string& reveal() const noexcept { return value_; }
    bool empty() const noexcept { return value_.empty(); }
    // What is shown instead.
    std::string_view shown() const noexcept { return value_.empty() ? std::string_view() : std::string_view("(secret)"); }

    friend bool operator==(const secret&, const secret&) = default;

private:
    std::string value_;
};

}  // namespace lolpop
