#pragma once
// lolpop::metadata_tracker — the system of record: runs, datasets and their versions, models and
// their versions, experiments, prediction jobs, lineage and tags.
//
// Requirements (all ids are strings the tracker assigns)
//   t.start_run(profile, build_id, step) -> run
//   t.end_run(const run&, run_status)                   run_status::ok or run_status::failed
//   t.create_dataset_version(const run&, dataset_name, content_hash, uri, rows, cols) -> dataset_version
//   t.latest_dataset_version(dataset_name) -> std::optional<dataset_version>
//   t.get_dataset_version(id) -> std::optional<dataset_version>
//   t.create_model_version(const run&, model_version draft) -> model_version   (assigns id, version)
//   t.latest_model_version(model_name) -> std::optional<model_version>
//   t.get_model_version(id) -> std::optional<model_version>
//   t.get_lineage(const model_version&) -> std::vector<dataset_version>
//   t.create_experiment(experiment draft) -> experiment
//   t.get_experiments(model_version_id) -> std::vector<experiment>
//   t.create_prediction_job(const run&, prediction_job draft) -> prediction_job
//   t.set_tag(resource_id, key, value)
//   t.get_tag(resource_id, key) -> std::optional<std::string>
// Semantics
//   Every write is atomic: after a crash the store holds each record whole or not at all. Reads
//   see every write made before them, including those of earlier processes.
// Models
//   sqlite_metadata_tracker, postgres_metadata_tracker.
// Guide
//   docs/write_your_own/metadata_tracker.md
// Example
//   given: lolpop::sqlite_metadata_tracker& tracker
//   lolpop::run r = tracker.start_run("dev", "build-1", "process");
//   lolpop::dataset_version v = tracker.create_dataset_version(r, "train", "ab12", "store/ab12", 100, 5);
//   tracker.set_tag(v.id, "source", "nightly");
//   tracker.end_run(r, lolpop::run_status::ok);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/resources.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

template <class T>
concept tracks_runs = requires(T& t, const std::string& s, const run& r, run_status status) {
    { t.start_run(s, s, s) } -> std::same_as<run>;
    t.end_run(r, status);
};

template <class T>
concept tracks_datasets = requires(T& t, const run& r, const std::string& s, std::size_t n) {
    { t.create_dataset_version(r, s, s, s, n, n) } -> std::same_as<dataset_version>;
    { t.latest_dataset_version(s) } -> std::same_as<std::optional<dataset_version>>;
    { t.get_dataset_version(s) } -> std::same_as<std::optional<dataset_version>>;
};

template <class T>
concept tracks_models = requires(T& t, const run& r, const model_version& mv, const std::string& s) {
    { t.create_model_version(r, mv) } -> std::same_as<model_version>;
    { t.latest_model_version(s) } -> std::same_as<std::optional<model_version>>;
    { t.get_model_version(s) } -> std::same_as<std::optional<model_version>>;
    { t.get_lineage(mv) } -> std::same_as<std::vector<dataset_version>>;
};

template <class T>
concept tracks_experiments = requires(T& t, const experiment& e, const std::string& s) {
    { t.create_experiment(e) } -> std::same_as<experiment>;
    { t.get_experiments(s) } -> std::same_as<std::vector<experiment>>;
};

template <class T>
concept tracks_prediction_jobs = requires(T& t, const run& r, const prediction_job& j) {
    { t.create_prediction_job(r, j) } -> std::same_as<prediction_job>;
};

template <class T>
concept tracks_tags = requires(T& t, const std::string& s) {
    t.set_tag(s, s, s);
    { t.get_tag(s, s) } -> std::same_as<std::optional<std::string>>;
};

template <class T>
concept metadata_tracker = component<T> && tracks_runs<T> && tracks_datasets<T> && tracks_models<T> &&
                           tracks_experiments<T> && tracks_prediction_jobs<T> && tracks_tags<T>;

}  // namespace lolpop
