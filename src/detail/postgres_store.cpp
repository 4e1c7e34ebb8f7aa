#include "detail/postgres_store.hpp"
#include "detail/postgres_schema.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>
#include <utility>

namespace lolpop::detail {

std::shared_ptr<postgres_store> postgres_store::open(const std::string& dsn, const std::string& schema) {
    static std::mutex mutex;
    static std::map<std::tuple<std::string, std::string, std::thread::id>, std::weak_ptr<postgres_store>> open_stores;
    // Per thread, as a connection serves one thread at a time: threads write as processes do.
    const std::tuple key{dsn, schema, std::this_thread::get_id()};
    const std::lock_guard lock(mutex);
    if (auto shared = open_stores[key].lock()) return shared;
    auto store = std::make_shared<postgres_store>(dsn, schema);
    open_stores[key] = store;
    return store;
}

postgres_store::postgres_store(const std::string& dsn, std::string schema)
    : conn_(dsn), schema_(std::move(schema)), where_(conn_.where() + " schema=" + schema_) {
    conn_.exec("SELECT set_config('search_path', $1, false)", "select the schema", postgres_identifier(schema_));
}

void postgres_store::add_schema(std::string_view component, std::span<const std::string_view> migrations) {
    migrate_postgres_schema(conn_, schema_, component, migrations);
}

bool postgres_store::in_step(const void* who) const noexcept {
    return std::find(participants_.begin(), participants_.end(), who) != participants_.end();
}

bool postgres_store::leave(const void* who) noexcept {
    const auto at = std::find(participants_.begin(), participants_.end(), who);
    if (at == participants_.end()) return false;
    participants_.erase(at);
    return true;
}

void postgres_store::begin_step(const void* who) {
    if (in_step(who)) throw error("a step is already under way", where_);
    participants_.push_back(who);
}

bool postgres_store::commit_step(const void* who) {
    if (!leave(who)) return false;
    if (in_any_step() || !step_open_) return true;
    try {
        conn_.exec("COMMIT", "commit the step");
    } catch (...) {
        participants_.push_back(who);
        rollback_step(who);
        throw;
    }
    step_open_ = false;
    return true;
}

bool postgres_store::rollback_step(const void* who) noexcept {
    if (!leave(who)) return false;
    // The others' writes are in the same transaction: it goes now, and they only leave.
    if (!step_open_) return true;
    step_open_ = false;
    try {
        conn_.exec("ROLLBACK", "roll the step back");
    } catch (...) {  // a lost connection ends its transaction on the server by itself
    }
    return true;
}

std::string postgres_store::run_lock_key(const std::string& run_id) const { return "lolpop run " + schema_ + "." + run_id; }

void postgres_store::lock_run(const std::string& run_id) {
    conn_.exec("SELECT pg_advisory_lock(hashtextextended($1, 0))", "hold the run's lock", run_lock_key(run_id));
    held_runs_.insert(run_id);
}

bool postgres_store::try_lock_run(const std::string& run_id) {
    if (held_runs_.contains(run_id)) return false;
    const auto r = conn_.exec("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", "look for abandoned runs",
                              run_lock_key(run_id));
    if (r.text(0, 0) != "t") return false;
    held_runs_.insert(run_id);
    return true;
}

void postgres_store::unlock_run(const std::string& run_id) noexcept {
    if (held_runs_.erase(run_id) == 0) return;
    try {
        conn_.exec("SELECT pg_advisory_unlock(hashtextextended($1, 0))", "give back the run's lock", run_lock_key(run_id));
    } catch (...) {  // the server gives it back when the connection ends
    }
}

postgres_store::write::write(postgres_store& store, std::string_view purpose) : store_(store), purpose_(purpose) {
    if (store_.in_any_step()) {
        if (!store_.step_open_) {
            store_.conn_.exec("BEGIN", purpose_);
            store_.step_open_ = true;
        }
        store_.conn_.exec("SAVEPOINT write", purpose_);
    } else {
        store_.conn_.exec("BEGIN", purpose_);
    }
}

postgres_store::write::~write() {
    if (done_) return;
    try {
        if (store_.in_any_step())
            store_.conn_.exec_script("ROLLBACK TO SAVEPOINT write; RELEASE SAVEPOINT write", purpose_);
        else
            store_.conn_.exec("ROLLBACK", purpose_);
    } catch (...) {  // a lost connection ends its transaction on the server by itself
    }
}

void postgres_store::write::commit() {
    store_.conn_.exec(store_.in_any_step() ? "RELEASE SAVEPOINT write" : "COMMIT", purpose_);
    done_ = true;
}

}  // namespace lolpop::detail
