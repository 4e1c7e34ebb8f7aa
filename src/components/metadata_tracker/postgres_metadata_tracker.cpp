#include <lolpop/components/metadata_tracker/postgres_metadata_tracker.hpp>

#include "detail/postgres_connection.hpp"
#include "detail/postgres_schema.hpp"
#include "detail/postgres_store.hpp"
#include "detail/random_hex.hpp"
#include "detail/utc_timestamp.hpp"

#include <lolpop/core/error.hpp>

#include <array>
#include <cstdint>
#include <utility>

namespace lolpop {

namespace {

using detail::postgres_connection;
using detail::postgres_result;

// Append only: a released migration never changes, a new one goes at the end.
// `seq` orders "latest" and "creation order": timestamps can tie within a millisecond.
constexpr std::array<std::string_view, 1> migrations{
    R"sql(
CREATE TABLE runs (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    profile text NOT NULL,
    build_id text NOT NULL,
    step text NOT NULL,
    status text NOT NULL,
    started_at text NOT NULL,
    ended_at text NOT NULL
);
CREATE INDEX runs_running ON runs (seq) WHERE status = 'running';
CREATE TABLE datasets (
    id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at text NOT NULL
);
CREATE TABLE dataset_versions (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    dataset_id text NOT NULL REFERENCES datasets (id),
    content_hash text NOT NULL,
    uri text NOT NULL,
    row_count bigint NOT NULL,
    column_count bigint NOT NULL,
    run_id text NOT NULL REFERENCES runs (id),
    created_at text NOT NULL
);
CREATE INDEX dataset_versions_by_dataset ON dataset_versions (dataset_id, seq);
CREATE TABLE models (
    id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at text NOT NULL
);
CREATE TABLE model_versions (
    id text PRIMARY KEY,
    model_id text NOT NULL REFERENCES models (id),
    version bigint NOT NULL,
    trainer text NOT NULL,
    content_hash text NOT NULL,
    uri text NOT NULL,
    params text NOT NULL,
    run_id text NOT NULL REFERENCES runs (id),
    created_at text NOT NULL,
    UNIQUE (model_id, version)
);
CREATE TABLE model_version_lineage (
    model_version_id text NOT NULL REFERENCES model_versions (id),
    dataset_version_id text NOT NULL REFERENCES dataset_versions (id),
    position bigint NOT NULL,
    PRIMARY KEY (model_version_id, dataset_version_id)
);
CREATE TABLE experiments (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    model_version_id text NOT NULL REFERENCES model_versions (id),
    name text NOT NULL,
    params text NOT NULL,
    created_at text NOT NULL
);
CREATE INDEX experiments_by_model_version ON experiments (model_version_id, seq);
CREATE TABLE experiment_metrics (
    experiment_id text NOT NULL REFERENCES experiments (id),
    name text NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (experiment_id, name)
);
CREATE TABLE prediction_jobs (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    model_version_id text NOT NULL REFERENCES model_versions (id),
    dataset_version_id text NOT NULL REFERENCES dataset_versions (id),
    output_uri text NOT NULL,
    row_count bigint NOT NULL,
    run_id text NOT NULL REFERENCES runs (id),
    created_at text NOT NULL
);
CREATE TABLE tags (
    resource_id text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (resource_id, key)
)
)sql",
};

constexpr std::string_view select_run = "SELECT id, profile, build_id, step, status, started_at, ended_at FROM runs";
constexpr std::string_view select_dataset_version =
    "SELECT dv.id, d.name, dv.content_hash, dv.uri, dv.row_count, dv.column_count, dv.run_id, dv.created_at "
    "FROM dataset_versions dv JOIN datasets d ON d.id = dv.dataset_id";
constexpr std::string_view select_model_version =
    "SELECT mv.id, m.name, mv.version, mv.trainer, mv.content_hash, mv.uri, mv.params, mv.run_id, mv.created_at "
    "FROM model_versions mv JOIN models m ON m.id = mv.model_id";
constexpr std::string_view select_prediction_job =
    "SELECT id, model_version_id, dataset_version_id, output_uri, row_count, run_id, created_at FROM prediction_jobs";

// As sqlite_metadata_tracker's: unique without a central counter.
std::string new_record_id(std::string_view kind) { return std::string(kind) + "-" + detail::random_hex64(); }

std::string sql(std::string_view select, std::string_view rest) { return std::string(select) + " " + std::string(rest); }

std::size_t to_size(std::int64_t v) { return static_cast<std::size_t>(v); }

run read_run(const postgres_result& r, int row, const std::string& where) {
    const std::string status = r.text(row, 4);
    const std::optional<run_status> parsed = parse_run_status(status);
    if (!parsed) throw error("run " + r.text(row, 0) + " has an unknown status '" + status + "'", where);
    return {r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), *parsed, r.text(row, 5), r.text(row, 6)};
}

dataset_version read_dataset_version(const postgres_result& r, int row) {
    return {r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), to_size(r.int64(row, 4)),
            to_size(r.int64(row, 5)), r.text(row, 6), r.text(row, 7)};
}

prediction_job read_prediction_job(const postgres_result& r, int row) {
    return {r.text(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3), to_size(r.int64(row, 4)),
            r.text(row, 5), r.text(row, 6)};
}

std::vector<model_version> read_model_versions(postgres_connection& conn, const postgres_result& r) {
    std::vector<model_version> out;
    for (int row = 0; row < r.rows(); ++row) {
        model_version mv;
        mv.id = r.text(row, 0);
        mv.model_name = r.text(row, 1);
        mv.version = static_cast<int>(r.int64(row, 2));
        mv.trainer = r.text(row, 3);
        mv.content_hash = r.text(row, 4);
        mv.uri = r.text(row, 5);
        mv.params = r.text(row, 6);
        mv.run_id = r.text(row, 7);
        mv.created_at = r.text(row, 8);
        const auto lineage = conn.exec(
            "SELECT dataset_version_id FROM model_version_lineage WHERE model_version_id = $1 ORDER BY position",
            "read a model version's lineage", mv.id);
        for (int i = 0; i < lineage.rows(); ++i) mv.dataset_versions.push_back(lineage.text(i, 0));
        out.push_back(std::move(mv));
    }
    return out;
}

// `table` is one of ours, never user input.
void require_record(postgres_connection& conn, std::string_view table, std::string_view kind, const std::string& id,
                    std::string_view purpose, const std::string& where) {
    if (conn.exec("SELECT 1 FROM " + std::string(table) + " WHERE id = $1", purpose, id).rows() == 0)
        throw error("unknown " + std::string(kind) + " '" + id + "'", where);
}

void require_nonempty(const std::string& value, std::string_view what, const std::string& where) {
    if (value.empty()) throw error(std::string(what) + " is empty", where);
}

// The id of the row called `name` in `table` (datasets or models), created when new; `lock`
// keeps the row locked until the transaction ends.
std::string named_record_id(postgres_connection& conn, std::string_view table, std::string_view kind,
                            const std::string& name, std::string_view purpose, bool lock = false) {
    conn.exec("INSERT INTO " + std::string(table) +
                  " (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
              purpose, new_record_id(kind), name, detail::utc_timestamp());
    return conn
        .exec("SELECT id FROM " + std::string(table) + " WHERE name = $1" + (lock ? " FOR UPDATE" : ""), purpose, name)
        .text(0, 0);
}

}  // namespace

postgres_metadata_tracker::postgres_metadata_tracker(const config& cfg, context& ctx) {
    if (cfg.dsn.empty()) throw error("the connection string is empty", "postgres_metadata_tracker.dsn");
    detail::check_postgres_schema_name(cfg.schema, "postgres_metadata_tracker.schema");
    store_ = detail::postgres_store::open(cfg.dsn.reveal(), cfg.schema);
    store_->add_schema(name, migrations);
    ctx_ = &ctx;
    ctx.log(log_level::debug, "metadata tracker opened " + store_->where());
}

postgres_metadata_tracker::~postgres_metadata_tracker() = default;
postgres_metadata_tracker::postgres_metadata_tracker(postgres_metadata_tracker&&) noexcept = default;
postgres_metadata_tracker& postgres_metadata_tracker::operator=(postgres_metadata_tracker&&) noexcept = default;

void postgres_metadata_tracker::begin_step() { store_->begin_step(this); }

void postgres_metadata_tracker::commit_step() {
    if (!store_->in_step(this)) return;
    try {
        // A step that stored nothing but its run still records the abandoned runs it found.
        if (!abandoned_recorded_ && !abandoned_.empty()) {
            detail::postgres_store::write tx(*store_, "record abandoned runs");
            record_abandoned_runs();
            tx.commit();
        }
        store_->commit_step(this);
    } catch (...) {
        store_->rollback_step(this);
        end_step(false);
        throw;
    }
    end_step(true);
}

void postgres_metadata_tracker::rollback_step() noexcept {
    if (store_->rollback_step(this)) end_step(false);
}

void postgres_metadata_tracker::end_step(bool committed) noexcept {
    if (step_run_) {
        // The run was stored when it started: a step that is dropped leaves no run behind.
        if (!committed) {
            try {
                store_->connection().exec("DELETE FROM runs WHERE id = $1", "remove the rolled-back step's run",
                                          step_run_->id);
            } catch (...) {  // it stays running, and its lock goes with this process: a later step records it abandoned
            }
        }
        store_->unlock_run(step_run_->id);
    }
    for (const run& r : abandoned_) store_->unlock_run(r.id);
    step_run_.reset();
    abandoned_.clear();
    abandoned_recorded_ = false;
}

// In the step's transaction, with its first write: a rolled-back step leaves them running, and
// the next step finds them again.
void postgres_metadata_tracker::record_abandoned_runs() {
    if (abandoned_recorded_ || abandoned_.empty()) return;
    abandoned_recorded_ = true;
    for (const run& r : abandoned_)
        store_->connection().exec("UPDATE runs SET status = $2, ended_at = $3 WHERE id = $1 AND status = 'running'",
                                  "record an abandoned run", r.id, to_string(r.status), r.ended_at);
}

run postgres_metadata_tracker::start_run(const std::string& profile, const std::string& build_id,
                                         const std::string& step) {
    run r{new_record_id("run"), profile, build_id, step, run_status::running, detail::utc_timestamp(), ""};
    auto& conn = store_->connection();
    if (store_->in_step(this)) {
        if (step_run_) throw error("the step has a run already (" + step_run_->id + ")", store_->where());
        const auto running = conn.exec(sql(select_run, "WHERE status = 'running' ORDER BY seq"), "look for abandoned runs");
        for (int row = 0; row < running.rows(); ++row) {
            run a = read_run(running, row, store_->where());
            if (!store_->try_lock_run(a.id)) continue;
            a.status = run_status::abandoned;
            a.ended_at = detail::utc_timestamp();
            ctx_->log(log_level::warn, "run " + a.id + " (" + a.step + ", started " + a.started_at +
                                           ") was stopped before it ended; it is recorded as abandoned");
            abandoned_.push_back(std::move(a));
        }
        step_run_ = r;
    }
    // The lock before the row: whoever sees the run running finds its lock taken.
    store_->lock_run(r.id);
    try {
        // Committed at once (one statement is a transaction of its own) unless a write of the step
        // opened its transaction already, so that other hosts see the run running.
        constexpr std::string_view purpose = "record a new run";
        std::optional<detail::postgres_store::write> tx;
        if (store_->step_open()) tx.emplace(*store_, purpose);
        conn.exec("INSERT INTO runs (id, profile, build_id, step, status, started_at, ended_at) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                  purpose, r.id, r.profile, r.build_id, r.step, to_string(r.status), r.started_at, r.ended_at);
        if (tx) tx->commit();
    } catch (...) {
        store_->unlock_run(r.id);
        step_run_.reset();
        throw;
    }
    return r;
}

void postgres_metadata_tracker::end_run(const run& r, run_status status) {
    if (status == run_status::running) throw error("a run ends ok or failed, not running", store_->where());
    constexpr std::string_view purpose = "record the end of a run";
    detail::postgres_store::write tx(*store_, purpose);
    record_abandoned_runs();
    const auto changed = store_->connection().exec("UPDATE runs SET status = $2, ended_at = $3 WHERE id = $1", purpose,
                                                   r.id, to_string(status), detail::utc_timestamp());
    if (changed.affected_rows() == 0) throw error("unknown run '" + r.id + "'", store_->where());
    tx.commit();
    // A step's run stays held until the step ends: until then its end is not stored.
    if (!step_run_ || step_run_->id != r.id) store_->unlock_run(r.id);
}

std::vector<run> postgres_metadata_tracker::list_runs() {
    const auto rows = store_->connection().exec(sql(select_run, "ORDER BY seq"), "list runs");
    std::vector<run> out;
    for (int row = 0; row < rows.rows(); ++row) out.push_back(read_run(rows, row, store_->where()));
    return out;
}

dataset_version postgres_metadata_tracker::create_dataset_version(const run& r, const std::string& dataset_name,
                                                                  const std::string& content_hash,
                                                                  const std::string& uri, std::size_t rows,
                                                                  std::size_t cols) {
    require_nonempty(dataset_name, "the dataset name", store_->where());
    constexpr std::string_view purpose = "record a dataset version";
    dataset_version dv{new_record_id("dataset_version"), dataset_name, content_hash, uri, rows, cols, r.id,
                       detail::utc_timestamp()};
    detail::postgres_store::write tx(*store_, purpose);
    auto& conn = tx.connection();
    record_abandoned_runs();
    require_record(conn, "runs", "run", r.id, purpose, store_->where());
    const auto dataset_id = named_record_id(conn, "datasets", "dataset", dataset_name, purpose);
    conn.exec("INSERT INTO dataset_versions (id, dataset_id, content_hash, uri, row_count, column_count, run_id, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              purpose, dv.id, dataset_id, dv.content_hash, dv.uri, static_cast<std::int64_t>(dv.rows),
              static_cast<std::int64_t>(dv.cols), dv.run_id, dv.created_at);
    tx.commit();
    return dv;
}

std::optional<dataset_version> postgres_metadata_tracker::latest_dataset_version(const std::string& dataset_name) {
    const auto r = store_->connection().exec(sql(select_dataset_version, "WHERE d.name = $1 ORDER BY dv.seq DESC LIMIT 1"),
                                             "read the latest dataset version", dataset_name);
    if (r.rows() == 0) return std::nullopt;
    return read_dataset_version(r, 0);
}

std::optional<dataset_version> postgres_metadata_tracker::get_dataset_version(const std::string& id) {
    const auto r = store_->connection().exec(sql(select_dataset_version, "WHERE dv.id = $1"), "read a dataset version", id);
    if (r.rows() == 0) return std::nullopt;
    return read_dataset_version(r, 0);
}

model_version postgres_metadata_tracker::create_model_version(const run& r, const model_version& draft) {
    require_nonempty(draft.model_name, "the model version's model name", store_->where());
    constexpr std::string_view purpose = "record a model version";
    model_version mv = draft;
    mv.id = new_record_id("model_version");
    mv.run_id = r.id;
    mv.created_at = detail::utc_timestamp();
    mv.dataset_versions.clear();

    detail::postgres_store::write tx(*store_, purpose);
    auto& conn = tx.connection();
    record_abandoned_runs();
    require_record(conn, "runs", "run", r.id, purpose, store_->where());
    // The model's row stays locked until the transaction ends, so that hosts storing versions of
    // one model at once take turns: each reads the number the one before committed.
    const auto model_id = named_record_id(conn, "models", "model", mv.model_name, purpose, true);
    mv.version = static_cast<int>(
        conn.exec("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = $1", purpose, model_id)
            .int64(0, 0));
    conn.exec("INSERT INTO model_versions (id, model_id, version, trainer, content_hash, uri, params, run_id, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
              purpose, mv.id, model_id, mv.version, mv.trainer, mv.content_hash, mv.uri, mv.params, mv.run_id,
              mv.created_at);
    for (const auto& dataset_version_id : draft.dataset_versions) {
        require_record(conn, "dataset_versions", "dataset version", dataset_version_id, purpose, store_->where());
        const auto linked = conn.exec("INSERT INTO model_version_lineage (model_version_id, dataset_version_id, position) "
                                      "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                                      purpose, mv.id, dataset_version_id,
                                      static_cast<std::int64_t>(mv.dataset_versions.size()));
        if (linked.affected_rows() > 0) mv.dataset_versions.push_back(dataset_version_id);
    }
    tx.commit();
    return mv;
}

std::optional<model_version> postgres_metadata_tracker::latest_model_version(const std::string& model_name) {
    auto& conn = store_->connection();
    auto found = read_model_versions(
        conn, conn.exec(sql(select_model_version, "WHERE m.name = $1 ORDER BY mv.version DESC LIMIT 1"),
                        "read the latest model version", model_name));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<model_version> postgres_metadata_tracker::get_model_version(const std::string& id) {
    auto& conn = store_->connection();
    auto found =
        read_model_versions(conn, conn.exec(sql(select_model_version, "WHERE mv.id = $1"), "read a model version", id));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<model_version> postgres_metadata_tracker::list_model_versions(const std::string& model_name) {
    auto& conn = store_->connection();
    return read_model_versions(conn, conn.exec(sql(select_model_version, "WHERE m.name = $1 ORDER BY mv.version"),
                                               "list model versions", model_name));
}

std::vector<dataset_version> postgres_metadata_tracker::get_lineage(const model_version& mv) {
    const auto r = store_->connection().exec(sql(select_dataset_version,
                                                 "JOIN model_version_lineage l ON l.dataset_version_id = dv.id "
                                                 "WHERE l.model_version_id = $1 ORDER BY l.position"),
                                             "read a model version's lineage", mv.id);
    std::vector<dataset_version> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(read_dataset_version(r, row));
    return out;
}

experiment postgres_metadata_tracker::create_experiment(const experiment& draft) {
    constexpr std::string_view purpose = "record an experiment";
    experiment e = draft;
    e.id = new_record_id("experiment");
    e.created_at = detail::utc_timestamp();

    detail::postgres_store::write tx(*store_, purpose);
    auto& conn = tx.connection();
    record_abandoned_runs();
    require_record(conn, "model_versions", "model version", e.model_version_id, purpose, store_->where());
    conn.exec("INSERT INTO experiments (id, model_version_id, name, params, created_at) VALUES ($1, $2, $3, $4, $5)",
              purpose, e.id, e.model_version_id, e.name, e.params, e.created_at);
    for (const auto& [metric_name, value] : e.metrics)
        conn.exec("INSERT INTO experiment_metrics (experiment_id, name, value) VALUES ($1, $2, $3)", purpose, e.id,
                  metric_name, value);
    tx.commit();
    return e;
}

std::vector<experiment> postgres_metadata_tracker::get_experiments(const std::string& model_version_id) {
    auto& conn = store_->connection();
    const auto r = conn.exec("SELECT id, model_version_id, name, params, created_at FROM experiments "
                             "WHERE model_version_id = $1 ORDER BY seq",
                             "read experiments", model_version_id);
    std::vector<experiment> out;
    for (int row = 0; row < r.rows(); ++row) {
        experiment e;
        e.id = r.text(row, 0);
        e.model_version_id = r.text(row, 1);
        e.name = r.text(row, 2);
        e.params = r.text(row, 3);
        e.created_at = r.text(row, 4);
        const auto metrics = conn.exec("SELECT name, value FROM experiment_metrics WHERE experiment_id = $1",
                                       "read an experiment's metrics", e.id);
        for (int i = 0; i < metrics.rows(); ++i) e.metrics.emplace(metrics.text(i, 0), metrics.real(i, 1));
        out.push_back(std::move(e));
    }
    return out;
}

prediction_job postgres_metadata_tracker::create_prediction_job(const run& r, const prediction_job& draft) {
    constexpr std::string_view purpose = "record a prediction job";
    prediction_job j = draft;
    j.id = new_record_id("prediction_job");
    j.run_id = r.id;
    j.created_at = detail::utc_timestamp();

    detail::postgres_store::write tx(*store_, purpose);
    auto& conn = tx.connection();
    record_abandoned_runs();
    require_record(conn, "runs", "run", r.id, purpose, store_->where());
    require_record(conn, "model_versions", "model version", j.model_version_id, purpose, store_->where());
    require_record(conn, "dataset_versions", "dataset version", j.dataset_version_id, purpose, store_->where());
    conn.exec("INSERT INTO prediction_jobs (id, model_version_id, dataset_version_id, output_uri, row_count, run_id, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              purpose, j.id, j.model_version_id, j.dataset_version_id, j.output_uri, static_cast<std::int64_t>(j.rows),
              j.run_id, j.created_at);
    tx.commit();
    return j;
}

std::vector<prediction_job> postgres_metadata_tracker::list_prediction_jobs() {
    const auto r = store_->connection().exec(sql(select_prediction_job, "ORDER BY seq"), "list prediction jobs");
    std::vector<prediction_job> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(read_prediction_job(r, row));
    return out;
}

void postgres_metadata_tracker::set_tag(const std::string& resource_id, const std::string& key,
                                        const std::string& value) {
    require_nonempty(resource_id, "the tagged resource id", store_->where());
    require_nonempty(key, "the tag key", store_->where());
    constexpr std::string_view purpose = "set a tag";
    detail::postgres_store::write tx(*store_, purpose);
    record_abandoned_runs();
    tx.connection().exec("INSERT INTO tags (resource_id, key, value) VALUES ($1, $2, $3) "
                         "ON CONFLICT (resource_id, key) DO UPDATE SET value = excluded.value",
                         purpose, resource_id, key, value);
    tx.commit();
}

std::optional<std::string> postgres_metadata_tracker::get_tag(const std::string& resource_id, const std::string& key) {
    const auto r = store_->connection().exec("SELECT value FROM tags WHERE resource_id = $1 AND key = $2", "read a tag",
                                             resource_id, key);
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

}  // namespace lolpop
