#include <lolpop/core/report.hpp>

#include <algorithm>

namespace lolpop {

check_status report::status() const noexcept {
    check_status worst = check_status::ok;
    // The enumerators are declared from best to worst.
    for (const auto& f : findings) worst = std::max(worst, f.status);
    return worst;
}

std::string_view to_string(check_status s) noexcept {
    switch (s) {
        case check_status::ok: return "ok";
        case check_status::warn: return "warn";
        case check_status::error: return "error";
    }
    return "unknown";
}

}  // namespace lolpop
