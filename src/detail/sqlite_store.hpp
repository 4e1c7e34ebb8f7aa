#pragma once
// The SQLite file that one or more components of this process keep their tables in (the metadata
// and metrics trackers share one by default), and the step transaction over it.
//
// - One connection per file and thread, shared by the components naming it: their writes in one
//   step are one transaction.
// - A missing file is created by the first write, not by opening it: until then reads see an
//   empty database with the components' tables (in memory), so a step that fails before it
//   stores anything leaves no file, schema included.
// - In a step, the first write takes the write lock (BEGIN IMMEDIATE) and every write is a
//   savepoint of that transaction; commit_step commits it, rollback_step drops it, and removes
//   the file and the directories the step created. Outside a step each write is its own
//   transaction.
#include "detail/sqlite_database.hpp"

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop::detail {

class sqlite_store {
public:
    static std::shared_ptr<sqlite_store> open(const std::string& path);

    explicit sqlite_store(std::string path);
    sqlite_store(const sqlite_store&) = delete;
    sqlite_store& operator=(const sqlite_store&) = delete;

    // A component's tables: brought up to date now when the file exists (taking the write lock
    // only when they are behind), or by the write that creates the file.
    void add_schema(std::string_view component, std::span<const std::string_view> migrations);

    // For reads: the file, or an empty in-memory database with the tables while there is none.
    sqlite_database& read();
    const std::string& path() const noexcept { return path_; }

    // Each component sharing the file takes part in the step (`who` is the component, not moved
    // while it takes part). The transaction ends with the last to commit, or with the first to
    // roll back. begin_step throws lolpop::error when `who` takes part already; commit_step and
    // rollback_step return whether it did (and does no longer).
    void begin_step(const void* who);
    bool commit_step(const void* who);
    bool rollback_step(const void* who) noexcept;
    bool in_step(const void* who) const noexcept;

    class write {
    public:
        write(sqlite_store& store, std::string_view purpose);
        ~write();
        write(const write&) = delete;
        write& operator=(const write&) = delete;
        sqlite_database& db() noexcept { return *store_.db_; }
        void commit();

    private:
        sqlite_store& store_;
        std::string purpose_;
        bool done_ = false;
    };

private:
    void use_file_if_present();
    void create_file();
    void open_step_transaction(std::string_view purpose);
    void use_memory();
    bool leave(const void* who) noexcept;

    std::string path_;
    std::unique_ptr<sqlite_database> db_;
    bool on_file_ = false;
    std::vector<std::pair<std::string, std::span<const std::string_view>>> schemas_;
    std::vector<const void*> participants_;  // those in the step; the transaction is shared
    bool in_any_step() const noexcept { return !participants_.empty(); }
    bool step_open_ = false;
    bool created_file_ = false;
    std::vector<std::filesystem::path> created_directories_;
};

}  // namespace lolpop::detail
