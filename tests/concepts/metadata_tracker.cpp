// lolpop::metadata_tracker: one hand-made tracker per requirement, each lacking only that one.
#include <lolpop/concepts/metadata_tracker.hpp>

#include "archetype.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace {

using lolpop::dataset_version;
using lolpop::experiment;
using lolpop::model_version;
using lolpop::prediction_job;
using lolpop::run;

template <bool Runs, bool Datasets, bool Models, bool Experiments, bool Jobs, bool Tags>
struct tracker : archetype::component_base {
    using component_base::component_base;
    run start_run(const std::string&, const std::string&, const std::string&)
        requires Runs;
    void end_run(const run&, lolpop::run_status)
        requires Runs;
    dataset_version create_dataset_version(const run&, const std::string&, const std::string&, const std::string&,
                                           std::size_t, std::size_t)
        requires Datasets;
    std::optional<dataset_version> latest_dataset_version(const std::string&)
        requires Datasets;
    std::optional<dataset_version> get_dataset_version(const std::string&)
        requires Datasets;
    model_version create_model_version(const run&, const model_version&)
        requires Models;
    std::optional<model_version> latest_model_version(const std::string&)
        requires Models;
    std::optional<model_version> get_model_version(const std::string&)
        requires Models;
    std::vector<dataset_version> get_lineage(const model_version&)
        requires Models;
    experiment create_experiment(const experiment&)
        requires Experiments;
    std::vector<experiment> get_experiments(const std::string&)
        requires Experiments;
    prediction_job create_prediction_job(const run&, const prediction_job&)
        requires Jobs;
    void set_tag(const std::string&, const std::string&, const std::string&)
        requires Tags;
    std::optional<std::string> get_tag(const std::string&, const std::string&)
        requires Tags;
};

static_assert(lolpop::metadata_tracker<tracker<true, true, true, true, true, true>>);

using no_runs = tracker<false, true, true, true, true, true>;
static_assert(!lolpop::tracks_runs<no_runs> && !lolpop::metadata_tracker<no_runs>);
using no_datasets = tracker<true, false, true, true, true, true>;
static_assert(!lolpop::tracks_datasets<no_datasets> && !lolpop::metadata_tracker<no_datasets>);
using no_models = tracker<true, true, false, true, true, true>;
static_assert(!lolpop::tracks_models<no_models> && !lolpop::metadata_tracker<no_models>);
using no_experiments = tracker<true, true, true, false, true, true>;
static_assert(!lolpop::tracks_experiments<no_experiments> && !lolpop::metadata_tracker<no_experiments>);
using no_prediction_jobs = tracker<true, true, true, true, false, true>;
static_assert(!lolpop::tracks_prediction_jobs<no_prediction_jobs> && !lolpop::metadata_tracker<no_prediction_jobs>);
using no_tags = tracker<true, true, true, true, true, false>;
static_assert(!lolpop::tracks_tags<no_tags> && !lolpop::metadata_tracker<no_tags>);

// A lookup that cannot say "none": get_tag returning the value itself.
struct tag_without_optional : tracker<true, true, true, true, true, false> {
    using tracker::tracker;
    void set_tag(const std::string&, const std::string&, const std::string&);
    std::string get_tag(const std::string&, const std::string&);
};
static_assert(!lolpop::tracks_tags<tag_without_optional> && !lolpop::metadata_tracker<tag_without_optional>);

}  // namespace
