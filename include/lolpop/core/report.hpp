#pragma once
// The typed result of a check, profile or comparison.
#include <string>
#include <vector>

namespace lolpop {

enum class check_status { ok, warn, error };

struct finding {
    check_status status = check_status::ok;
    std::string subject;  // column, metric or rule the finding is about
    std::string message;
};

struct report {
    std::string title;
    std::vector<finding> findings;

    // The worst status of all findings; ok when there are none.
    check_status status() const noexcept;
};

std::string_view to_string(check_status s) noexcept;

}  // namespace lolpop
