#include <lolpop/core/resources.hpp>

namespace lolpop {

std::string_view to_string(run_status s) noexcept {
    switch (s) {
        case run_status::running: return "running";
        case run_status::ok: return "ok";
        case run_status::failed: return "failed";
        case run_status::abandoned: return "abandoned";
    }
    return "unknown";
}

std::optional<run_status> parse_run_status(std::string_view name) noexcept {
    for (const run_status s : {run_status::running, run_status::ok, run_status::failed, run_status::abandoned})
        if (to_string(s) == name) return s;
    return std::nullopt;
}

}  // namespace lolpop
