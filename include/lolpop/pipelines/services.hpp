#pragma once
// What a runner lends its pipelines for one step: the global components and the run being
// recorded. Pipelines are templates over it, so these calls are direct, not virtual.
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/profile_info.hpp>
#include <lolpop/core/resources.hpp>

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>

namespace lolpop {

template <class Tracker, class Metrics, class Store>
struct services {
    Tracker& metadata;
    Metrics& metrics;
    Store& store;
    context& ctx;
    const profile_info& profile;
};

// One step's run and its writes, all or nothing. Every participant that stages writes
// (lolpop::stages_writes: the global stores, and the parts a pipeline names) is begun here; the
// step ends with succeed(), which commits them, the metadata tracker last, or, when the step
// throws first, with a rollback of all of them: a failed step stores nothing, not even its run.
// A tracker that cannot stage records the run as failed instead.
template <class Tracker, class... Staged>
class tracked_run {
public:
    tracked_run(Tracker& tracker, const profile_info& profile, const std::string& step, Staged&... staged)
        : tracker_(tracker), staged_(staged...) {
        try {
            (begin(staged), ...);
            if constexpr (stages_writes<Tracker>) tracker_.begin_step();
            run_ = tracker_.start_run(std::string(profile.name), std::string(profile.build_id), step);
        } catch (...) {
            if constexpr (stages_writes<Tracker>) tracker_.rollback_step();
            rollback_begun();
            throw;
        }
    }
    tracked_run(const tracked_run&) = delete;
    tracked_run& operator=(const tracked_run&) = delete;
    ~tracked_run() {
        if (ended_) return;
        if constexpr (stages_writes<Tracker>) {
            tracker_.rollback_step();
        } else {
            try {
                tracker_.end_run(run_, run_status::failed);
            } catch (...) {  // the original failure matters more than recording it
            }
        }
        rollback_begun();
    }

    void succeed() {
        ended_ = true;
        try {
            std::apply([&](auto&... staged) { (commit(staged), ...); }, staged_);
            tracker_.end_run(run_, run_status::ok);
            if constexpr (stages_writes<Tracker>) tracker_.commit_step();
        } catch (...) {
            if constexpr (stages_writes<Tracker>) tracker_.rollback_step();
            rollback_begun();
            throw;
        }
    }
    const run& get() const noexcept { return run_; }

private:
    template <class T>
    void begin(T& participant) {
        if constexpr (stages_writes<T>) participant.begin_step();
        ++begun_;
    }
    template <class T>
    void commit(T& participant) {
        if constexpr (stages_writes<T>) participant.commit_step();
        ++committed_;
    }
    // Those begun and not yet committed.
    void rollback_begun() noexcept {
        std::size_t i = 0;
        std::apply([&](auto&... staged) { ((i++ >= committed_ && i <= begun_ ? rollback(staged) : void()), ...); },
                   staged_);
    }
    template <class T>
    static void rollback(T& participant) noexcept {
        if constexpr (stages_writes<T>) participant.rollback_step();
    }

    Tracker& tracker_;
    std::tuple<Staged&...> staged_;
    run run_;
    std::size_t begun_ = 0;
    std::size_t committed_ = 0;
    bool ended_ = false;
};

// The step's run over the services' stores (the artifact store and the metrics tracker take
// part) and the pipeline parts given, e.g. begin_run(svc, "deploy", repository, deployer).
template <class Services, class... Staged>
auto begin_run(Services& svc, const std::string& step, Staged&... staged) {
    using tracker = std::remove_reference_t<decltype(svc.metadata)>;
    using store = std::remove_reference_t<decltype(svc.store)>;
    using metrics = std::remove_reference_t<decltype(svc.metrics)>;
    return tracked_run<tracker, store, metrics, Staged...>(svc.metadata, svc.profile, step, svc.store, svc.metrics,
                                                           staged...);
}

}  // namespace lolpop
