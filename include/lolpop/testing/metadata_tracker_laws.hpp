#pragma once
// lolpop::testing::check_metadata_tracker_laws(make) — checks a metadata tracker against the laws
// every one must keep, whatever it stores in, in one line of a test:
//
//   CHECK_NOTHROW(lolpop::testing::check_metadata_tracker_laws([&] { return my_tracker(cfg, ctx); }));
//
// `make` returns a tracker; each call returns a new instance on the same store (reopened, as a
// later process would), which is how the laws check that records persist and that one instance
// sees what another committed. The store may hold records already: the laws use names of their
// own, new at each call. The laws:
//   - model versions of a model name are numbered 1, 2, 3, ... in the order they are created;
//   - get_dataset_version and get_model_version return every field create_* returned;
//   - get_lineage returns the draft's dataset versions in the draft's order;
//   - latest_dataset_version and latest_model_version see the last one created, also when
//     another instance created it;
//   - get_experiments returns experiments in creation order;
//   - set_tag again replaces the value;
//   - an unknown dataset version in a lineage, or an unknown model or dataset version in a
//     prediction job, is a lolpop::error, and nothing is stored;
//   - for a tracker that stages writes (lolpop::stages_writes): a rolled-back step leaves no run
//     (when the tracker has list_runs()), no dataset or model version and no tag, and what a
//     committed step wrote is seen by a new instance.
// A broken law throws lolpop::error: "metadata tracker law '<law>' is broken: <what was seen>",
// where T::name. Other exceptions (a store that cannot be opened) pass through.
#include <lolpop/concepts/metadata_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/resources.hpp>

#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace lolpop::testing {

namespace detail {

// A name no earlier check used on the same store.
inline std::string fresh_law_name(const std::string& prefix) {
    std::random_device entropy;
    return prefix + "_" + std::to_string(entropy()) + "_" + std::to_string(entropy());
}

inline bool same_record(const dataset_version& a, const dataset_version& b) {
    return a.id == b.id && a.dataset_name == b.dataset_name && a.content_hash == b.content_hash && a.uri == b.uri &&
           a.rows == b.rows && a.cols == b.cols && a.run_id == b.run_id && a.created_at == b.created_at;
}

inline bool same_record(const model_version& a, const model_version& b) {
    return a.id == b.id && a.model_name == b.model_name && a.version == b.version && a.trainer == b.trainer &&
           a.content_hash == b.content_hash && a.uri == b.uri && a.params == b.params &&
           a.dataset_versions == b.dataset_versions && a.run_id == b.run_id && a.created_at == b.created_at;
}

template <class T>
class metadata_law_checker {
public:
    explicit metadata_law_checker(std::string where) : where_(std::move(where)) {}

    void require(bool holds, const std::string& law, const std::string& seen) const {
        if (!holds) throw error("metadata tracker law '" + law + "' is broken: " + seen, where_);
    }

    // Whether `f` throws lolpop::error.
    template <class F>
    static bool fails(F&& f) {
        try {
            f();
        } catch (const error&) {
            return true;
        }
        return false;
    }

    static model_version draft(const std::string& model_name, std::vector<std::string> lineage = {}) {
        model_version mv;
        mv.model_name = model_name;
        mv.trainer = "law_trainer";
        mv.content_hash = "0123abcd";
        mv.uri = "models/" + model_name;
        mv.params = "depth = 3\nrate = 0.1\n";
        mv.dataset_versions = std::move(lineage);
        return mv;
    }

    static bool has_run(T& t, const std::string& run_id) {
        if constexpr (requires { t.list_runs(); }) {
            for (const auto& r : t.list_runs())
                if (r.id == run_id) return true;
            return false;
        } else {
            (void)t;
            (void)run_id;
            return false;
        }
    }

private:
    std::string where_;
};

}  // namespace detail

template <class Make>
void check_metadata_tracker_laws(Make&& make) {
    using T = std::remove_cvref_t<decltype(make())>;
    static_assert(metadata_tracker<T>, "check_metadata_tracker_laws: make() must return a lolpop::metadata_tracker");
    const detail::metadata_law_checker<T> law{std::string(T::name)};
    T t = make();
    const std::string data = detail::fresh_law_name("law_data");
    const std::string model = detail::fresh_law_name("law_model");

    run r = t.start_run("laws", "build-laws", "check");
    const dataset_version d1 = t.create_dataset_version(r, data, "hash-1", "data/1", 10, 3);
    const dataset_version d2 = t.create_dataset_version(r, data, "hash-2", "data/2", 20, 4);
    const dataset_version d3 = t.create_dataset_version(r, data + "_other", "hash-3", "data/3", 30, 5);

    // Round trips.
    for (const auto& d : {d1, d2, d3}) {
        const auto got = t.get_dataset_version(d.id);
        law.require(got && detail::same_record(*got, d), "get_dataset_version returns every field",
                    got ? "dataset version " + d.id + " reads back different" : "dataset version " + d.id + " is not found");
    }

    // Versions 1, 2, 3 per model name; lineage in the draft's order.
    const model_version m1 = t.create_model_version(r, law.draft(model, {d3.id, d1.id, d2.id}));
    const model_version m2 = t.create_model_version(r, law.draft(model));
    const model_version other = t.create_model_version(r, law.draft(model + "_other"));
    const model_version m3 = t.create_model_version(r, law.draft(model, {d2.id}));
    law.require(m1.version == 1 && m2.version == 2 && m3.version == 3 && other.version == 1,
                "model versions increase by 1 per model name from 1",
                "versions " + std::to_string(m1.version) + ", " + std::to_string(m2.version) + ", " +
                    std::to_string(m3.version) + " of one name and " + std::to_string(other.version) +
                    " for the first of another");
    law.require(m1.dataset_versions == std::vector<std::string>{d3.id, d1.id, d2.id}, "lineage keeps the draft's order",
                "create_model_version returned another lineage");
    for (const auto& m : {m1, m2, m3, other}) {
        const auto got = t.get_model_version(m.id);
        law.require(got && detail::same_record(*got, m), "get_model_version returns every field",
                    got ? "model version " + m.id + " reads back different" : "model version " + m.id + " is not found");
    }
    {
        const auto lineage = t.get_lineage(m1);
        std::vector<std::string> ids;
        bool whole = lineage.size() == 3;
        for (const auto& d : lineage) ids.push_back(d.id);
        if (whole) whole = detail::same_record(lineage[0], d3) && detail::same_record(lineage[1], d1) &&
                           detail::same_record(lineage[2], d2);
        law.require(whole, "lineage keeps the draft's order",
                    "get_lineage returned " + std::to_string(lineage.size()) + " dataset versions, not d3, d1, d2 whole");
        law.require(t.get_lineage(m2).empty(), "lineage keeps the draft's order",
                    "a model version without lineage has some");
    }

    // Latest, here and from another instance.
    {
        const auto latest_model = t.latest_model_version(model);
        law.require(latest_model && latest_model->id == m3.id, "latest_model_version sees the last commit",
                    latest_model ? "version " + std::to_string(latest_model->version) + ", not 3" : "none");
        const auto latest_data = t.latest_dataset_version(data);
        law.require(latest_data && latest_data->id == d2.id, "latest_dataset_version sees the last commit",
                    latest_data ? "dataset version " + latest_data->id + ", not the second" : "none");
        law.require(!t.latest_model_version(model + "_never").has_value(), "latest_model_version sees the last commit",
                    "a model never created has a latest version");
    }
    {
        T other_instance = make();
        run r2 = other_instance.start_run("laws", "build-laws", "check-other");
        const model_version m4 = other_instance.create_model_version(r2, law.draft(model));
        const dataset_version d4 = other_instance.create_dataset_version(r2, data, "hash-4", "data/4", 40, 6);
        other_instance.end_run(r2, run_status::ok);
        law.require(m4.version == 4, "model versions increase by 1 per model name from 1",
                    "another instance's next version is " + std::to_string(m4.version) + ", not 4");
        const auto latest_model = t.latest_model_version(model);
        law.require(latest_model && latest_model->id == m4.id, "latest_model_version sees the last commit",
                    "another instance's version 4 is not the latest here");
        const auto latest_data = t.latest_dataset_version(data);
        law.require(latest_data && latest_data->id == d4.id, "latest_dataset_version sees the last commit",
                    "another instance's dataset version is not the latest here");
    }

    // Experiments in creation order.
    {
        std::vector<std::string> created;
        for (int i = 0; i < 3; ++i) {
            experiment e;
            e.model_version_id = m1.id;
            e.name = "trial " + std::to_string(3 - i);
            e.params = "i = " + std::to_string(i);
            e.metrics = {{"auc", 0.5 + 0.1 * i}, {"loss", 1.0 / (i + 1)}};
            created.push_back(t.create_experiment(e).id);
        }
        std::vector<std::string> got;
        for (const auto& e : t.get_experiments(m1.id)) got.push_back(e.id);
        law.require(got == created, "experiments come back in creation order",
                    std::to_string(got.size()) + " experiments, not the 3 created in their order");
        const auto first = t.get_experiments(m1.id);
        law.require(!first.empty() && first[0].metrics == metric_values{{"auc", 0.5}, {"loss", 1.0}} &&
                        first[0].name == "trial 3" && first[0].params == "i = 0",
                    "experiments come back in creation order", "the first experiment reads back different");
    }

    // Tags replace.
    t.set_tag(m1.id, "stage", "candidate");
    t.set_tag(m1.id, "stage", "production");
    t.set_tag(m1.id, "owner", "laws");
    {
        const auto stage = t.get_tag(m1.id, "stage");
        law.require(stage == "production", "tags replace", "stage is '" + stage.value_or("(none)") + "' after replacing it");
        law.require(t.get_tag(m1.id, "owner") == "laws" && !t.get_tag(m1.id, "missing").has_value(), "tags replace",
                    "another key of the same resource changed");
    }

    // Unknown ids.
    {
        const std::string unknown = "dataset_version-0000000000000000";
        law.require(law.fails([&] { t.create_model_version(r, law.draft(model, {d1.id, unknown})); }),
                    "an unknown id in lineage is an error", "a model version naming an unknown dataset version was stored");
        const auto latest = t.latest_model_version(model);
        law.require(latest && latest->version == 4, "an unknown id in lineage is an error",
                    "the refused model version was stored anyway");
        prediction_job job;
        job.model_version_id = "model_version-0000000000000000";
        job.dataset_version_id = d1.id;
        job.output_uri = "predictions/1";
        job.rows = 10;
        law.require(law.fails([&] { t.create_prediction_job(r, job); }), "an unknown id in a prediction job is an error",
                    "a prediction job naming an unknown model version was stored");
        job.model_version_id = m1.id;
        job.dataset_version_id = unknown;
        law.require(law.fails([&] { t.create_prediction_job(r, job); }), "an unknown id in a prediction job is an error",
                    "a prediction job naming an unknown dataset version was stored");
    }
    t.end_run(r, run_status::ok);

    if constexpr (stages_writes<T>) {
        const std::string step_model = detail::fresh_law_name("law_step_model");
        dataset_version staged_data;
        {
            t.begin_step();
            run sr = t.start_run("laws", "build-laws", "rolled-back");
            staged_data = t.create_dataset_version(sr, data, "hash-5", "data/5", 50, 7);
            const model_version staged = t.create_model_version(sr, law.draft(step_model, {staged_data.id}));
            t.set_tag(m1.id, "stage", "rolled back");
            law.require(t.get_model_version(staged.id).has_value(), "a step reads its own writes",
                        "a model version stored in the step is not found in it");
            t.end_run(sr, run_status::failed);
            t.rollback_step();
            law.require(!law.has_run(t, sr.id), "a rolled-back step leaves nothing", "its run is listed");
            law.require(!t.get_dataset_version(staged_data.id) && !t.latest_model_version(step_model) &&
                            !t.get_model_version(staged.id),
                        "a rolled-back step leaves nothing", "its dataset or model version is found");
            const auto tag = t.get_tag(m1.id, "stage");
            law.require(tag == "production", "a rolled-back step leaves nothing",
                        "the tag it set reads '" + tag.value_or("(none)") + "', not the one before");
            const auto latest = t.latest_dataset_version(data);
            law.require(latest && latest->id != staged_data.id, "a rolled-back step leaves nothing",
                        "its dataset version is the latest");
        }
        {
            t.begin_step();
            run sr = t.start_run("laws", "build-laws", "committed");
            const model_version staged = t.create_model_version(sr, law.draft(step_model));
            t.set_tag(staged.id, "stage", "committed");
            t.end_run(sr, run_status::ok);
            t.commit_step();
            T fresh = make();
            const auto seen = fresh.get_model_version(staged.id);
            law.require(seen && detail::same_record(*seen, staged) && seen->version == 1,
                        "a committed step is seen by a new instance", "its model version is not found, or differs");
            law.require(fresh.get_tag(staged.id, "stage") == "committed", "a committed step is seen by a new instance",
                        "its tag is not found");
            if constexpr (requires { fresh.list_runs(); })
                law.require(law.has_run(fresh, sr.id), "a committed step is seen by a new instance", "its run is not listed");
        }
    }
}

}  // namespace lolpop::testing
