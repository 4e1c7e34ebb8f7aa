#pragma once
#include <lolpop/core/context.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/report.hpp>

#include <string>

namespace lolpop::detail {

// Records and logs every finding; a report with status error is notified and stops the step.
inline void stop_on_error(const report& r, context& ctx, const std::string& where) {
    ctx.record(r);
    for (const finding& f : r.findings) {
        const log_level level = f.status == check_status::error ? log_level::error
                                : f.status == check_status::warn ? log_level::warn
                                                                 : log_level::info;
        ctx.log(level, r.title + ": " + f.subject + ": " + f.message);
    }
    if (r.status() == check_status::error) {
        std::string first;
        for (const finding& f : r.findings)
            if (f.status == check_status::error) {
                first = f.subject + ": " + f.message;
                break;
            }
        ctx.notify(log_level::error, r.title + " failed: " + first);
        throw error(r.title + " failed: " + first, where);
    }
}

}  // namespace lolpop::detail
