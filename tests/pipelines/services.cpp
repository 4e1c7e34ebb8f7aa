// lolpop::tracked_run: a step is on record as ok only when it says so.
#include <lolpop/pipelines/services.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

// Records what a metadata tracker is asked about runs.
struct run_log {
    std::vector<lolpop::run> started;
    std::vector<std::string> ended;  // "<run id> <status>"
    bool refuse_end = false;

    lolpop::run start_run(const std::string& profile, const std::string& build_id, const std::string& step) {
        lolpop::run r;
        r.id = "run" + std::to_string(started.size());
        r.profile = profile;
        r.build_id = build_id;
        r.step = step;
        r.status = lolpop::run_status::running;
        started.push_back(r);
        return r;
    }
    void end_run(const lolpop::run& r, lolpop::run_status status) {
        if (refuse_end) throw std::runtime_error("the store is gone");
        ended.push_back(r.id + " " + std::string(to_string(status)));
    }
};

const lolpop::profile_info profile{"dev", "0123", "dev.toml", ""};

}  // namespace

TEST_CASE("a run starts with the profile's identity and ends ok when the step succeeds") {
    run_log log;
    {
        lolpop::tracked_run<run_log> run(log, profile, "train");
        REQUIRE(log.started.size() == 1);
        CHECK(log.started[0].profile == "dev");
        CHECK(log.started[0].build_id == "0123");
        CHECK(log.started[0].step == "train");
        CHECK(run.get().id == "run0");
        run.succeed();
        CHECK(log.ended == std::vector<std::string>{"run0 ok"});
    }
    CHECK(log.ended == std::vector<std::string>{"run0 ok"});  // ended once
}

TEST_CASE("a step that throws is on record as failed") {
    run_log log;
    try {
        lolpop::tracked_run<run_log> run(log, profile, "predict");
        throw lolpop::error("the data has no target column");
    } catch (const lolpop::error&) {
    }
    CHECK(log.ended == std::vector<std::string>{"run0 failed"});
}

TEST_CASE("a failure to record the failure does not hide the step's own error") {
    run_log log;
    log.refuse_end = true;
    CHECK_THROWS_WITH_AS(
        [&] {
            lolpop::tracked_run<run_log> run(log, profile, "deploy");
            throw lolpop::error("no approved model", "deploy");
        }(),
        "no approved model (deploy)", lolpop::error);
    CHECK(log.ended.empty());
}
