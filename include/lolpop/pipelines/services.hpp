#pragma once
// What a runner lends its pipelines for one step: the global components and the run being
// recorded. Pipelines are templates over it, so these calls are direct, not virtual.
#include <lolpop/core/context.hpp>
#include <lolpop/core/profile_info.hpp>
#include <lolpop/core/resources.hpp>

#include <string>

namespace lolpop {

template <class Tracker, class Metrics, class Store>
struct services {
    Tracker& metadata;
    Metrics& metrics;
    Store& store;
    context& ctx;
    const profile_info& profile;
};

// A run recorded in the metadata tracker for the lifetime of one step. It ends failed unless
// succeed() is called, so a step that throws is on record as failed.
template <class Tracker>
class tracked_run {
public:
    tracked_run(Tracker& tracker, const profile_info& profile, const std::string& step)
        : tracker_(tracker), run_(tracker.start_run(std::string(profile.name), std::string(profile.build_id), step)) {}
    tracked_run(const tracked_run&) = delete;
    tracked_run& operator=(const tracked_run&) = delete;
    ~tracked_run() {
        if (!ended_) {
            try {
                tracker_.end_run(run_, run_status::failed);
            } catch (...) {  // the original failure matters more than recording it
            }
        }
    }

    void succeed() {
        tracker_.end_run(run_, run_status::ok);
        ended_ = true;
    }
    const run& get() const noexcept { return run_; }

private:
    Tracker& tracker_;
    run run_;
    bool ended_ = false;
};

}  // namespace lolpop
