#pragma once
// lolpop::sqlite_metadata_tracker — the system of record in one SQLite file.
//
// Every write is one transaction, so a crash leaves each record whole or absent; in a step
// (lolpop::stages_writes) the step's writes and its run are one transaction, and a failed step
// leaves the file as it was (no file at all when it had none). Several processes (and
// sqlite_metrics_tracker, through one connection when it names the same file) may use the same
// file at once: writers wait for each other, and each sees what the others committed. A step's
// run holds a lease, a file in "<path>-runs/", while it is under way; a later step records the run
// of a lease whose process is gone as abandoned. Ids are "<kind>-<16 hex digits>" and times
// ISO-8601 UTC with milliseconds. Records that name other records (a model version's training
// data, a prediction job's model) are checked: an unknown id is an error, not a dangling link.
#include <lolpop/concepts/metadata_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/resources.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

namespace detail {
class sqlite_database;
class sqlite_store;
class run_leases;
}

class sqlite_metadata_tracker {
public:
    struct config {
        // Created with its parent directories when missing.
        std::string path = ".lolpop/metadata.db";
    };
    static constexpr std::string_view name = "sqlite_metadata_tracker";

    // Opens the file and brings its schema up to date; a file written by a newer lolpop is an
    // error.
    sqlite_metadata_tracker(const config& cfg, context& ctx);
    ~sqlite_metadata_tracker();
    sqlite_metadata_tracker(sqlite_metadata_tracker&&) noexcept;
    sqlite_metadata_tracker& operator=(sqlite_metadata_tracker&&) noexcept;

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    // A run starts running; end_run sets its status (ok or failed) and ended_at. In a step, the
    // run is stored with the step's first write, or by commit_step.
    run start_run(const std::string& profile, const std::string& build_id, const std::string& step);
    void end_run(const run& r, run_status status);
    std::vector<run> list_runs();

    dataset_version create_dataset_version(const run& r, const std::string& dataset_name,
                                           const std::string& content_hash, const std::string& uri,
                                           std::size_t rows, std::size_t cols);
    std::optional<dataset_version> latest_dataset_version(const std::string& dataset_name);
    std::optional<dataset_version> get_dataset_version(const std::string& id);

    // Takes the draft's model_name, trainer, content_hash, uri, params and dataset_versions
    // (lineage); assigns id, the next version number of that model name, run_id and created_at.
    model_version create_model_version(const run& r, const model_version& draft);
    std::optional<model_version> latest_model_version(const std::string& model_name);
    std::optional<model_version> get_model_version(const std::string& id);
    // Oldest version first.
    std::vector<model_version> list_model_versions(const std::string& model_name);
    // The dataset versions the model version was trained on, in the draft's order.
    std::vector<dataset_version> get_lineage(const model_version& mv);

    // Takes the draft's model_version_id, name, params and metrics; assigns id and created_at.
    experiment create_experiment(const experiment& draft);
    // In creation order.
    std::vector<experiment> get_experiments(const std::string& model_version_id);

    // Takes the draft's model_version_id, dataset_version_id, output_uri and rows; assigns id,
    // run_id and created_at.
    prediction_job create_prediction_job(const run& r, const prediction_job& draft);
    std::vector<prediction_job> list_prediction_jobs();

    // Tags attach to any id, tracked here or not; setting a key again replaces its value.
    void set_tag(const std::string& resource_id, const std::string& key, const std::string& value);
    std::optional<std::string> get_tag(const std::string& resource_id, const std::string& key);

private:
    detail::sqlite_database& db();
    void record_pending_runs();
    void end_leases(bool committed) noexcept;

    std::shared_ptr<detail::sqlite_store> store_;
    std::unique_ptr<detail::run_leases> leases_;
    context* ctx_ = nullptr;
    std::optional<run> step_run_;    // the step's run, whose lease this process holds
    std::optional<run> pending_;     // a run to store with the next write
    std::vector<run> abandoned_;     // runs of dead processes, stored with the step
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::sqlite_metadata_tracker::config, path);

static_assert(lolpop::metadata_tracker<lolpop::sqlite_metadata_tracker>);
static_assert(lolpop::stages_writes<lolpop::sqlite_metadata_tracker>);
