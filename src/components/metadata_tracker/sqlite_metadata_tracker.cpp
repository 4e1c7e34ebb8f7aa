#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>

#include "detail/random_hex.hpp"
#include "detail/utc_timestamp.hpp"
#include "detail/sqlite_database.hpp"
#include "detail/run_leases.hpp"
#include "detail/sqlite_schema.hpp"
#include "detail/sqlite_store.hpp"

#include <lolpop/core/error.hpp>

#include <array>
#include <cstdint>
#include <utility>

namespace lolpop {

namespace {

using detail::sqlite_database;
using detail::sqlite_statement;

// Append only: a released migration never changes, a new one goes at the end.
constexpr std::array<std::string_view, 1> migrations{
    R"sql(
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    profile TEXT NOT NULL,
    build_id TEXT NOT NULL,
    step TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL
);
CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE dataset_versions (
    id TEXT PRIMARY KEY,
    dataset_id TEXT NOT NULL REFERENCES datasets (id),
    content_hash TEXT NOT NULL,
    uri TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    column_count INTEGER NOT NULL,
    run_id TEXT NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL
);
CREATE INDEX dataset_versions_by_dataset ON dataset_versions (dataset_id);
CREATE TABLE models (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE model_versions (
    id TEXT PRIMARY KEY,
    model_id TEXT NOT NULL REFERENCES models (id),
    version INTEGER NOT NULL,
    trainer TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    uri TEXT NOT NULL,
    params TEXT NOT NULL,
    run_id TEXT NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL,
    UNIQUE (model_id, version)
);
CREATE TABLE model_version_lineage (
    model_version_id TEXT NOT NULL REFERENCES model_versions (id),
    dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (model_version_id, dataset_version_id)
);
CREATE TABLE experiments (
    id TEXT PRIMARY KEY,
    model_version_id TEXT NOT NULL REFERENCES model_versions (id),
    name TEXT NOT NULL,
    params TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX experiments_by_model_version ON experiments (model_version_id);
-- value is NULL for NaN, which SQLite cannot store.
CREATE TABLE experiment_metrics (
    experiment_id TEXT NOT NULL REFERENCES experiments (id),
    name TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (experiment_id, name)
);
CREATE TABLE prediction_jobs (
    id TEXT PRIMARY KEY,
    model_version_id TEXT NOT NULL REFERENCES model_versions (id),
    dataset_version_id TEXT NOT NULL REFERENCES dataset_versions (id),
    output_uri TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    run_id TEXT NOT NULL REFERENCES runs (id),
    created_at TEXT NOT NULL
);
CREATE TABLE tags (
    resource_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (resource_id, key)
);
)sql",
};

// "Latest" and "creation order" follow rowid: SQLite hands out increasing rowids to a table
// that is never deleted from, while timestamps can tie within a millisecond.
constexpr std::string_view select_run =
    "SELECT id, profile, build_id, step, status, started_at, ended_at FROM runs";
constexpr std::string_view select_dataset_version =
    "SELECT dv.id, d.name, dv.content_hash, dv.uri, dv.row_count, dv.column_count, dv.run_id, dv.created_at "
    "FROM dataset_versions dv JOIN datasets d ON d.id = dv.dataset_id";
constexpr std::string_view select_model_version =
    "SELECT mv.id, m.name, mv.version, mv.trainer, mv.content_hash, mv.uri, mv.params, mv.run_id, mv.created_at "
    "FROM model_versions mv JOIN models m ON m.id = mv.model_id";
constexpr std::string_view select_experiment =
    "SELECT id, model_version_id, name, params, created_at FROM experiments";
constexpr std::string_view select_prediction_job =
    "SELECT id, model_version_id, dataset_version_id, output_uri, row_count, run_id, created_at FROM prediction_jobs";

// "<kind>-<16 random hex digits>": unique without a central counter, so several processes can
// create records in one store.
std::string new_record_id(std::string_view kind) { return std::string(kind) + "-" + detail::random_hex64(); }

std::string sql(std::string_view select, std::string_view rest) { return std::string(select) + " " + std::string(rest); }

std::size_t to_size(std::int64_t v) { return static_cast<std::size_t>(v); }

// `where` names the store in the error for a status no version of lolpop writes.
run read_run(const sqlite_statement& s, const std::string& where) {
    const std::string status = s.column_text(4);
    const std::optional<run_status> parsed = parse_run_status(status);
    if (!parsed) throw error("run " + s.column_text(0) + " has an unknown status '" + status + "'", where);
    return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3), *parsed, s.column_text(5), s.column_text(6)};
}

dataset_version read_dataset_version(const sqlite_statement& s) {
    return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
            to_size(s.column_int64(4)), to_size(s.column_int64(5)), s.column_text(6), s.column_text(7)};
}

model_version read_model_version(const sqlite_statement& s) {
    model_version mv;
    mv.id = s.column_text(0);
    mv.model_name = s.column_text(1);
    mv.version = static_cast<int>(s.column_int64(2));
    mv.trainer = s.column_text(3);
    mv.content_hash = s.column_text(4);
    mv.uri = s.column_text(5);
    mv.params = s.column_text(6);
    mv.run_id = s.column_text(7);
    mv.created_at = s.column_text(8);
    return mv;
}

prediction_job read_prediction_job(const sqlite_statement& s) {
    return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
            to_size(s.column_int64(4)), s.column_text(5), s.column_text(6)};
}

// `table` is one of ours, never user input.
void require_record(sqlite_database& db, std::string_view table, std::string_view kind, const std::string& id,
                    std::string_view purpose) {
    auto s = db.prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?1", purpose);
    s.bind_text(1, id);
    if (!s.step()) throw error("unknown " + std::string(kind) + " '" + id + "'", db.path());
}

void require_nonempty(const std::string& value, std::string_view what, const sqlite_database& db) {
    if (value.empty()) throw error(std::string(what) + " is empty", db.path());
}

// The id of the row called `name` in `table` (datasets or models), created when new.
std::string named_record_id(sqlite_database& db, std::string_view table, std::string_view kind,
                            const std::string& name, std::string_view purpose) {
    auto insert = db.prepare("INSERT INTO " + std::string(table) +
                                 " (id, name, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
                             purpose);
    insert.bind_text(1, new_record_id(kind)).bind_text(2, name).bind_text(3, detail::utc_timestamp()).run();
    auto select = db.prepare("SELECT id FROM " + std::string(table) + " WHERE name = ?1", purpose);
    select.bind_text(1, name);
    select.step();
    return select.column_text(0);
}

std::vector<std::string> lineage_ids(sqlite_database& db, const std::string& model_version_id) {
    auto s = db.prepare(
        "SELECT dataset_version_id FROM model_version_lineage WHERE model_version_id = ?1 ORDER BY position",
        "read a model version's lineage");
    s.bind_text(1, model_version_id);
    std::vector<std::string> ids;
    while (s.step()) ids.push_back(s.column_text(0));
    return ids;
}

std::vector<model_version> read_model_versions(sqlite_database& db, sqlite_statement& s) {
    std::vector<model_version> out;
    while (s.step()) out.push_back(read_model_version(s));
    for (auto& mv : out) mv.dataset_versions = lineage_ids(db, mv.id);
    return out;
}

}  // namespace

sqlite_metadata_tracker::sqlite_metadata_tracker(const config& cfg, context& ctx) {
    if (cfg.path.empty()) throw error("the database path is empty", "sqlite_metadata_tracker setting 'path'");
    store_ = detail::sqlite_store::open(cfg.path);
    store_->add_schema(name, migrations);
    leases_ = std::make_unique<detail::run_leases>(cfg.path + "-runs");
    ctx_ = &ctx;
    ctx.log(log_level::debug, "metadata tracker opened " + cfg.path);
}

sqlite_metadata_tracker::~sqlite_metadata_tracker() = default;
sqlite_metadata_tracker::sqlite_metadata_tracker(sqlite_metadata_tracker&&) noexcept = default;
sqlite_metadata_tracker& sqlite_metadata_tracker::operator=(sqlite_metadata_tracker&&) noexcept = default;

detail::sqlite_database& sqlite_metadata_tracker::db() { return store_->read(); }

void sqlite_metadata_tracker::begin_step() { store_->begin_step(this); }

void sqlite_metadata_tracker::commit_step() {
    if (!store_->in_step(this)) return;
    try {
        // A step that stored nothing but its run still records it.
        if (pending_) {
            detail::sqlite_store::write tx(*store_, "record the run");
            record_pending_runs();
            tx.commit();
        }
        store_->commit_step(this);
    } catch (...) {
        store_->rollback_step(this);
        end_leases(false);
        throw;
    }
    end_leases(true);
}

void sqlite_metadata_tracker::rollback_step() noexcept {
    if (store_->rollback_step(this)) end_leases(false);
}

void sqlite_metadata_tracker::end_leases(bool committed) noexcept {
    if (step_run_) leases_->give_back(step_run_->id);
    if (committed)
        for (const run& r : abandoned_) leases_->give_back(r.id);
    step_run_.reset();
    pending_.reset();
    abandoned_.clear();
}

// The step's run and the abandoned runs it found go into the step's transaction with its first
// write, so that nothing is written, and no lock taken, before the step has something to store.
void sqlite_metadata_tracker::record_pending_runs() {
    if (!pending_) return;
    constexpr std::string_view purpose = "record a run";
    auto insert = db().prepare(
        "INSERT INTO runs (id, profile, build_id, step, status, started_at, ended_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (id) DO NOTHING",
        purpose);
    const auto record = [&](const run& r) {
        insert.bind_text(1, r.id).bind_text(2, r.profile).bind_text(3, r.build_id).bind_text(4, r.step);
        insert.bind_text(5, to_string(r.status)).bind_text(6, r.started_at).bind_text(7, r.ended_at).run();
        insert.reset();
    };
    for (const run& r : abandoned_) record(r);
    record(*pending_);
    pending_.reset();
}

run sqlite_metadata_tracker::start_run(const std::string& profile, const std::string& build_id,
                                       const std::string& step) {
    run r{new_record_id("run"), profile, build_id, step, run_status::running, detail::utc_timestamp(), ""};
    if (store_->in_step(this)) {
        abandoned_ = leases_->abandoned();
        for (const run& a : abandoned_)
            ctx_->log(log_level::warn, "run " + a.id + " (" + a.step + ", started " + a.started_at +
                                           ") was stopped before it ended; it is recorded as abandoned");
        leases_->take(r);
        step_run_ = r;
        pending_ = r;
        return r;
    }
    detail::sqlite_store::write tx(*store_, "record a new run");
    pending_ = r;
    record_pending_runs();
    tx.commit();
    return r;
}

void sqlite_metadata_tracker::end_run(const run& r, run_status status) {
    if (status == run_status::running) throw error("a run ends ok or failed, not running", store_->path());
    constexpr std::string_view purpose = "record the end of a run";
    detail::sqlite_store::write tx(*store_, purpose);
    if (pending_ && pending_->id == r.id) {
        pending_->status = status;
        pending_->ended_at = detail::utc_timestamp();
        record_pending_runs();
    } else {
        record_pending_runs();
        db().prepare("UPDATE runs SET status = ?2, ended_at = ?3 WHERE id = ?1", purpose)
            .bind_text(1, r.id)
            .bind_text(2, to_string(status))
            .bind_text(3, detail::utc_timestamp())
            .run();
        if (db().changes() == 0) throw error("unknown run '" + r.id + "'", store_->path());
    }
    tx.commit();
}

std::vector<run> sqlite_metadata_tracker::list_runs() {
    auto s = db().prepare(sql(select_run, "ORDER BY rowid"), "list runs");
    std::vector<run> out;
    while (s.step()) out.push_back(read_run(s, db().path()));
    return out;
}

dataset_version sqlite_metadata_tracker::create_dataset_version(const run& r, const std::string& dataset_name,
                                                                const std::string& content_hash,
                                                                const std::string& uri, std::size_t rows,
                                                                std::size_t cols) {
    require_nonempty(dataset_name, "the dataset name", db());
    constexpr std::string_view purpose = "record a dataset version";
    dataset_version dv{new_record_id("dataset_version"), dataset_name, content_hash, uri, rows, cols, r.id,
                       detail::utc_timestamp()};
    detail::sqlite_store::write tx(*store_, purpose);
    record_pending_runs();
    require_record(db(), "runs", "run", r.id, purpose);
    auto dataset_id = named_record_id(db(), "datasets", "dataset", dataset_name, purpose);
    db().prepare("INSERT INTO dataset_versions (id, dataset_id, content_hash, uri, row_count, column_count, run_id, "
                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                 purpose)
        .bind_text(1, dv.id)
        .bind_text(2, dataset_id)
        .bind_text(3, dv.content_hash)
        .bind_text(4, dv.uri)
        .bind_int64(5, static_cast<std::int64_t>(dv.rows))
        .bind_int64(6, static_cast<std::int64_t>(dv.cols))
        .bind_text(7, dv.run_id)
        .bind_text(8, dv.created_at)
        .run();
    tx.commit();
    return dv;
}

std::optional<dataset_version> sqlite_metadata_tracker::latest_dataset_version(const std::string& dataset_name) {
    auto s = db().prepare(sql(select_dataset_version, "WHERE d.name = ?1 ORDER BY dv.rowid DESC LIMIT 1"),
                          "read the latest dataset version");
    s.bind_text(1, dataset_name);
    if (!s.step()) return std::nullopt;
    return read_dataset_version(s);
}

std::optional<dataset_version> sqlite_metadata_tracker::get_dataset_version(const std::string& id) {
    auto s = db().prepare(sql(select_dataset_version, "WHERE dv.id = ?1"), "read a dataset version");
    s.bind_text(1, id);
    if (!s.step()) return std::nullopt;
    return read_dataset_version(s);
}

model_version sqlite_metadata_tracker::create_model_version(const run& r, const model_version& draft) {
    require_nonempty(draft.model_name, "the model version's model name", db());
    constexpr std::string_view purpose = "record a model version";
    model_version mv = draft;
    mv.id = new_record_id("model_version");
    mv.run_id = r.id;
    mv.created_at = detail::utc_timestamp();
    mv.dataset_versions.clear();

    detail::sqlite_store::write tx(*store_, purpose);
    record_pending_runs();
    require_record(db(), "runs", "run", r.id, purpose);
    auto model_id = named_record_id(db(), "models", "model", mv.model_name, purpose);
    // Inside the write transaction, so two processes never get the same number.
    auto next = db().prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = ?1", purpose);
    next.bind_text(1, model_id);
    next.step();
    mv.version = static_cast<int>(next.column_int64(0));

    db().prepare("INSERT INTO model_versions (id, model_id, version, trainer, content_hash, uri, params, run_id, "
                 "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 purpose)
        .bind_text(1, mv.id)
        .bind_text(2, model_id)
        .bind_int64(3, mv.version)
        .bind_text(4, mv.trainer)
        .bind_text(5, mv.content_hash)
        .bind_text(6, mv.uri)
        .bind_text(7, mv.params)
        .bind_text(8, mv.run_id)
        .bind_text(9, mv.created_at)
        .run();

    auto link = db().prepare("INSERT INTO model_version_lineage (model_version_id, dataset_version_id, position) "
                             "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                             purpose);
    for (const auto& dataset_version_id : draft.dataset_versions) {
        require_record(db(), "dataset_versions", "dataset version", dataset_version_id, purpose);
        link.bind_text(1, mv.id).bind_text(2, dataset_version_id).bind_int64(3, static_cast<std::int64_t>(mv.dataset_versions.size()));
        link.run();
        if (db().changes() > 0) mv.dataset_versions.push_back(dataset_version_id);
        link.reset();
    }
    tx.commit();
    return mv;
}

std::optional<model_version> sqlite_metadata_tracker::latest_model_version(const std::string& model_name) {
    auto s = db().prepare(sql(select_model_version, "WHERE m.name = ?1 ORDER BY mv.version DESC LIMIT 1"),
                          "read the latest model version");
    s.bind_text(1, model_name);
    auto found = read_model_versions(db(), s);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::optional<model_version> sqlite_metadata_tracker::get_model_version(const std::string& id) {
    auto s = db().prepare(sql(select_model_version, "WHERE mv.id = ?1"), "read a model version");
    s.bind_text(1, id);
    auto found = read_model_versions(db(), s);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<model_version> sqlite_metadata_tracker::list_model_versions(const std::string& model_name) {
    auto s = db().prepare(sql(select_model_version, "WHERE m.name = ?1 ORDER BY mv.version"), "list model versions");
    s.bind_text(1, model_name);
    return read_model_versions(db(), s);
}

std::vector<dataset_version> sqlite_metadata_tracker::get_lineage(const model_version& mv) {
    auto s = db().prepare(sql(select_dataset_version,
                              "JOIN model_version_lineage l ON l.dataset_version_id = dv.id "
                              "WHERE l.model_version_id = ?1 ORDER BY l.position"),
                          "read a model version's lineage");
    s.bind_text(1, mv.id);
    std::vector<dataset_version> out;
    while (s.step()) out.push_back(read_dataset_version(s));
    return out;
}

experiment sqlite_metadata_tracker::create_experiment(const experiment& draft) {
    constexpr std::string_view purpose = "record an experiment";
    experiment e = draft;
    e.id = new_record_id("experiment");
    e.created_at = detail::utc_timestamp();

    detail::sqlite_store::write tx(*store_, purpose);
    record_pending_runs();
    require_record(db(), "model_versions", "model version", e.model_version_id, purpose);
    db().prepare("INSERT INTO experiments (id, model_version_id, name, params, created_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 purpose)
        .bind_text(1, e.id)
        .bind_text(2, e.model_version_id)
        .bind_text(3, e.name)
        .bind_text(4, e.params)
        .bind_text(5, e.created_at)
        .run();
    auto metric = db().prepare("INSERT INTO experiment_metrics (experiment_id, name, value) VALUES (?1, ?2, ?3)", purpose);
    for (const auto& [metric_name, value] : e.metrics) {
        metric.bind_text(1, e.id).bind_text(2, metric_name).bind_double(3, value);
        metric.run();
        metric.reset();
    }
    tx.commit();
    return e;
}

std::vector<experiment> sqlite_metadata_tracker::get_experiments(const std::string& model_version_id) {
    auto s = db().prepare(sql(select_experiment, "WHERE model_version_id = ?1 ORDER BY rowid"), "read experiments");
    s.bind_text(1, model_version_id);
    std::vector<experiment> out;
    while (s.step()) {
        experiment e;
        e.id = s.column_text(0);
        e.model_version_id = s.column_text(1);
        e.name = s.column_text(2);
        e.params = s.column_text(3);
        e.created_at = s.column_text(4);
        out.push_back(std::move(e));
    }
    auto metrics = db().prepare("SELECT name, value FROM experiment_metrics WHERE experiment_id = ?1",
                                "read an experiment's metrics");
    for (auto& e : out) {
        metrics.bind_text(1, e.id);
        while (metrics.step()) e.metrics.emplace(metrics.column_text(0), metrics.column_double(1));
        metrics.reset();
    }
    return out;
}

prediction_job sqlite_metadata_tracker::create_prediction_job(const run& r, const prediction_job& draft) {
    constexpr std::string_view purpose = "record a prediction job";
    prediction_job j = draft;
    j.id = new_record_id("prediction_job");
    j.run_id = r.id;
    j.created_at = detail::utc_timestamp();

    detail::sqlite_store::write tx(*store_, purpose);
    record_pending_runs();
    require_record(db(), "runs", "run", r.id, purpose);
    require_record(db(), "model_versions", "model version", j.model_version_id, purpose);
    require_record(db(), "dataset_versions", "dataset version", j.dataset_version_id, purpose);
    db().prepare("INSERT INTO prediction_jobs (id, model_version_id, dataset_version_id, output_uri, row_count, "
                 "run_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                 purpose)
        .bind_text(1, j.id)
        .bind_text(2, j.model_version_id)
        .bind_text(3, j.dataset_version_id)
        .bind_text(4, j.output_uri)
        .bind_int64(5, static_cast<std::int64_t>(j.rows))
        .bind_text(6, j.run_id)
        .bind_text(7, j.created_at)
        .run();
    tx.commit();
    return j;
}

std::vector<prediction_job> sqlite_metadata_tracker::list_prediction_jobs() {
    auto s = db().prepare(sql(select_prediction_job, "ORDER BY rowid"), "list prediction jobs");
    std::vector<prediction_job> out;
    while (s.step()) out.push_back(read_prediction_job(s));
    return out;
}

void sqlite_metadata_tracker::set_tag(const std::string& resource_id, const std::string& key,
                                      const std::string& value) {
    require_nonempty(resource_id, "the tagged resource id", db());
    require_nonempty(key, "the tag key", db());
    constexpr std::string_view purpose = "set a tag";
    detail::sqlite_store::write tx(*store_, purpose);
    record_pending_runs();
    db().prepare("INSERT INTO tags (resource_id, key, value) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (resource_id, key) DO UPDATE SET value = excluded.value",
                 purpose)
        .bind_text(1, resource_id)
        .bind_text(2, key)
        .bind_text(3, value)
        .run();
    tx.commit();
}

std::optional<std::string> sqlite_metadata_tracker::get_tag(const std::string& resource_id, const std::string& key) {
    auto s = db().prepare("SELECT value FROM tags WHERE resource_id = ?1 AND key = ?2", "read a tag");
    s.bind_text(1, resource_id).bind_text(2, key);
    if (!s.step()) return std::nullopt;
    return s.column_text(0);
}

}  // namespace lolpop
