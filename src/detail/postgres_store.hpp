#pragma once
// The PostgreSQL schema that one or more components of this process keep their tables in (the
// metadata and metrics trackers naming the same dsn and schema), and the step transaction over it.
//
// - One connection per (dsn, schema) and thread, shared by the components naming them: their
//   writes in one step are one transaction. Its search_path is the schema, so the components'
//   SQL names their tables unqualified.
// - In a step, the first write opens the transaction (BEGIN) and every write is a savepoint of
//   it; commit_step commits it, rollback_step drops it. Outside a step each write is its own
//   transaction.
// - Runs in flight are held by session-level advisory locks of this connection, which the server
//   releases when the connection ends however the process ended: a running run whose lock no
//   session holds was stopped before it ended. This works across hosts, which files beside the
//   store would not.
#include "detail/postgres_connection.hpp"

#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

class postgres_store {
public:
    static std::shared_ptr<postgres_store> open(const std::string& dsn, const std::string& schema);

    postgres_store(const std::string& dsn, std::string schema);
    postgres_store(const postgres_store&) = delete;
    postgres_store& operator=(const postgres_store&) = delete;

    // A component's tables, brought up to date now (detail/postgres_schema.hpp).
    void add_schema(std::string_view component, std::span<const std::string_view> migrations);

    // For reads, and for writes inside a `write`.
    postgres_connection& connection() noexcept { return conn_; }
    // The server and the schema, for errors.
    const std::string& where() const noexcept { return where_; }

    // As detail::sqlite_store: each component sharing the store takes part in the step (`who` is
    // the component, not moved while it takes part). The transaction ends with the last to
    // commit, or with the first to roll back. begin_step throws lolpop::error when `who` takes
    // part already; commit_step and rollback_step return whether it did (and does no longer).
    void begin_step(const void* who);
    bool commit_step(const void* who);
    bool rollback_step(const void* who) noexcept;
    bool in_step(const void* who) const noexcept;
    // Whether the step's transaction is open (a write of the step ran).
    bool step_open() const noexcept { return step_open_; }

    // The advisory lock of a run: taken by the run's process while the run is under way. A run
    // whose lock this connection holds is never reported free, though the server would grant it
    // again to the session holding it.
    void lock_run(const std::string& run_id);
    // Takes the lock when no session holds it: true when the run's process is gone.
    bool try_lock_run(const std::string& run_id);
    void unlock_run(const std::string& run_id) noexcept;

    class write {
    public:
        write(postgres_store& store, std::string_view purpose);
        ~write();
        write(const write&) = delete;
        write& operator=(const write&) = delete;
        postgres_connection& connection() noexcept { return store_.conn_; }
        void commit();

    private:
        postgres_store& store_;
        std::string purpose_;
        bool done_ = false;
    };

private:
    bool leave(const void* who) noexcept;
    std::string run_lock_key(const std::string& run_id) const;

    postgres_connection conn_;
    std::string schema_;
    std::string where_;
    std::vector<const void*> participants_;  // those in the step; the transaction is shared
    bool in_any_step() const noexcept { return !participants_.empty(); }
    bool step_open_ = false;
    std::set<std::string> held_runs_;
};

}  // namespace lolpop::detail
