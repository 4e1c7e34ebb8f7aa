#pragma once
// What every component is given at construction: the workflow's global logger and notifier and
// the identity of the running profile. Leaf components take this non-template type so that they
// stay ordinary classes compiled once in the library, not once per profile.
#include <lolpop/core/report.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

enum class log_level { debug, info, warn, error };
std::string_view to_string(log_level l) noexcept;
// Parses "debug", "info", "warn" or "error"; throws lolpop::error naming `where` otherwise.
log_level parse_log_level(std::string_view s, std::string_view where);

class context {
public:
    using sink = std::function<void(log_level, std::string_view)>;

    context() = default;
    context(std::string profile, std::string build_id)
        : profile_(std::move(profile)), build_id_(std::move(build_id)) {}

    void log(log_level level, std::string_view message) const {
        if (logger_) logger_(level, message);
    }
    void notify(log_level level, std::string_view message) const {
        if (notifier_) notifier_(level, message);
    }

    // The runner wires these once its global logger and notifier exist.
    void set_logger(sink s) { logger_ = std::move(s); }
    void set_notifier(sink s) { notifier_ = std::move(s); }

    // Whether long steps draw a progress_meter on a terminal. The runner turns it off for a logger
    // whose output is for machines (JSON lines) or that prints nothing.
    bool shows_progress() const noexcept { return shows_progress_; }
    void show_progress(bool on) noexcept { shows_progress_ = on; }

    // What the workflow produced besides its resources: every check, profile and comparison
    // report, and every file written (plots), in order. The run report is made from these.
    void record(report r) { reports_.push_back(std::move(r)); }
    void record_file(std::string path) { files_.push_back(std::move(path)); }
    const std::vector<report>& reports() const noexcept { return reports_; }
    const std::vector<std::string>& files() const noexcept { return files_; }

    const std::string& profile() const noexcept { return profile_; }
    const std::string& build_id() const noexcept { return build_id_; }

private:
    std::string profile_;
    std::string build_id_;
    sink logger_;
    sink notifier_;
    bool shows_progress_ = true;
    std::vector<report> reports_;
    std::vector<std::string> files_;
};

}  // namespace lolpop
