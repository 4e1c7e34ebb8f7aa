#pragma once
// lolpop::postgres_metadata_tracker — the system of record in a PostgreSQL database, for a team
// whose steps run on several hosts.
//
// The same records, ids ("<kind>-<16 hex digits>") and times (ISO-8601 UTC with milliseconds) as
// sqlite_metadata_tracker, in the tables of one PostgreSQL schema (`schema`, created when missing),
// so that several projects can share a database. Every write is one transaction; in a step
// (lolpop::stages_writes) the step's writes are one transaction, shared with
// postgres_metrics_tracker when it names the same dsn and schema, and a failed step leaves the
// store as it was. Hosts writing at once get unique, gapless version numbers per model name (a
// model's row is locked while its next version is stored). A run holds a session-level advisory
// lock from start_run to end_run (to the end of its step, in a step); a later step records a
// running run whose lock no session holds (its process was killed, or its host lost) as
// abandoned. Records that name other records are
// checked: an unknown id is an error, not a dangling link.
#include <lolpop/concepts/metadata_tracker.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>
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
class postgres_store;
}

class postgres_metadata_tracker {
public:
    struct config {
        // A libpq connection string ("host=db.example port=5432 dbname=ml user=ml" or
        // "postgresql://..."); what it leaves out comes from libpq's environment variables and
        // password file. A secret: never printed.
        secret dsn;
        // The PostgreSQL schema of the tables: lowercase letters, digits and '_'.
        std::string schema = "lolpop";
    };
    static constexpr std::string_view name = "postgres_metadata_tracker";

    // Connects and brings the schema up to date; a schema written by a newer lolpop is an error.
    postgres_metadata_tracker(const config& cfg, context& ctx);
    ~postgres_metadata_tracker();
    postgres_metadata_tracker(postgres_metadata_tracker&&) noexcept;
    postgres_metadata_tracker& operator=(postgres_metadata_tracker&&) noexcept;

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    // A run starts running; end_run sets its status (ok or failed) and ended_at. The run is
    // stored at once, running, so that other hosts can tell when its process is gone; a
    // rolled-back step removes it.
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
    void record_abandoned_runs();
    void end_step(bool committed) noexcept;

    std::shared_ptr<detail::postgres_store> store_;
    context* ctx_ = nullptr;
    std::optional<run> step_run_;   // the step's run
    std::vector<run> abandoned_;    // runs of dead processes, to record with the step's first write
    bool abandoned_recorded_ = false;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::postgres_metadata_tracker::config, dsn, schema);

static_assert(lolpop::metadata_tracker<lolpop::postgres_metadata_tracker>);
static_assert(lolpop::stages_writes<lolpop::postgres_metadata_tracker>);
