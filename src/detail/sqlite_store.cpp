#include "detail/sqlite_store.hpp"
#include "detail/sqlite_schema.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include <unistd.h>

namespace lolpop::detail {

namespace fs = std::filesystem;

std::shared_ptr<sqlite_store> sqlite_store::open(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::thread::id>, std::weak_ptr<sqlite_store>> open_stores;
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    // Per thread, as a connection serves one thread at a time: threads write as processes do.
    const std::pair key{ec ? path : fs::weakly_canonical(absolute, ec).string(), std::this_thread::get_id()};
    const std::lock_guard lock(mutex);
    if (auto shared = open_stores[key].lock()) return shared;
    auto store = std::make_shared<sqlite_store>(path);
    open_stores[key] = store;
    return store;
}

sqlite_store::sqlite_store(std::string path) : path_(std::move(path)) {
    if (path_.empty()) throw error("the database path is empty");
    use_file_if_present();
    if (!on_file_) use_memory();
}

void sqlite_store::add_schema(std::string_view component, std::span<const std::string_view> migrations) {
    schemas_.emplace_back(std::string(component), migrations);
    migrate_schema(*db_, component, migrations);
}

void sqlite_store::use_file_if_present() {
    std::error_code ec;
    if (on_file_ || !fs::exists(path_, ec)) return;
    auto file = std::make_unique<sqlite_database>(path_, sqlite_database::access::read_write);
    // A file without tables is one whose first step is still under way in another process: it
    // reads as empty until that step commits, and waiting for its lock here would stall a reader.
    if (!file->prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_versions'", "read the schema").step()) return;
    for (const auto& [component, migrations] : schemas_) migrate_schema(*file, component, migrations);
    db_ = std::move(file);
    on_file_ = true;
}

void sqlite_store::use_memory() {
    db_ = std::make_unique<sqlite_database>(path_, sqlite_database::access::in_memory);
    for (const auto& [component, migrations] : schemas_) migrate_schema(*db_, component, migrations);
    on_file_ = false;
}

sqlite_database& sqlite_store::read() {
    if (!in_any_step()) use_file_if_present();  // another process may have created it meanwhile
    return *db_;
}

void sqlite_store::create_file() {
    std::error_code ec;
    const bool existed = fs::exists(path_, ec);
    created_directories_ = create_directories_noted(fs::path(path_).parent_path(), path_);
    try {
        db_ = std::make_unique<sqlite_database>(path_, sqlite_database::access::read_write);
    } catch (...) {
        remove_created_directories(created_directories_);
        created_directories_.clear();
        use_memory();
        throw;
    }
    on_file_ = true;
    created_file_ = !existed;
}

void sqlite_store::open_step_transaction(std::string_view purpose) {
    // A file that another process created and then removed (its first step failed) is no
    // longer where the next writer looks: open it again.
    bool opened = false;
    for (int attempt = 0;; ++attempt) {
        if (!on_file_) {
            create_file();
            opened = true;
        }
        db_->exec("BEGIN IMMEDIATE", purpose);
        if (!db_->has_moved() || attempt == 2) break;
        db_->exec("ROLLBACK", purpose);
        on_file_ = false;
        created_file_ = false;
    }
    step_open_ = true;
    // A file open before was brought up to date then; one opened here may be new.
    if (opened)
        for (const auto& [component, migrations] : schemas_) apply_migrations(*db_, component, migrations);
}

bool sqlite_store::in_step(const void* who) const noexcept {
    return std::find(participants_.begin(), participants_.end(), who) != participants_.end();
}

bool sqlite_store::leave(const void* who) noexcept {
    const auto at = std::find(participants_.begin(), participants_.end(), who);
    if (at == participants_.end()) return false;
    participants_.erase(at);
    return true;
}

void sqlite_store::begin_step(const void* who) {
    if (in_step(who)) throw error("a step is already under way", path_);
    if (!in_any_step()) use_file_if_present();
    participants_.push_back(who);
}

bool sqlite_store::commit_step(const void* who) {
    if (!leave(who)) return false;
    if (in_any_step() || !step_open_) return true;
    try {
        db_->exec("COMMIT", "commit the step");
    } catch (...) {
        participants_.push_back(who);
        rollback_step(who);
        throw;
    }
    step_open_ = false;
    created_file_ = false;
    created_directories_.clear();
    return true;
}

bool sqlite_store::rollback_step(const void* who) noexcept {
    if (!leave(who)) return false;
    // The others' writes are in the same transaction: it goes now, and they only leave.
    if (!step_open_) return true;
    step_open_ = false;
    try {
        if (created_file_) {
            // Removed while the write lock is still held, so that a process waiting for it finds
            // the file moved (has_moved) rather than writing into a file that is about to go.
            for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((path_ + suffix).c_str());
            db_->exec("ROLLBACK", "roll the step back");
            remove_created_directories(created_directories_);
            use_memory();
        } else {
            db_->exec("ROLLBACK", "roll the step back");
        }
    } catch (...) {  // SQLite rolls back on its own when the connection closes
    }
    created_file_ = false;
    created_directories_.clear();
    return true;
}

sqlite_store::write::write(sqlite_store& store, std::string_view purpose) : store_(store), purpose_(purpose) {
    if (store_.in_any_step()) {
        if (!store_.step_open_) store_.open_step_transaction(purpose_);
        store_.db_->exec("SAVEPOINT write", purpose_);
    } else {
        const bool opened = !store_.on_file_;
        if (opened) {
            store_.create_file();
            // Made by a write of its own, not by a step: a later step that rolls back keeps it.
            store_.created_file_ = false;
            store_.created_directories_.clear();
        }
        store_.db_->exec("BEGIN IMMEDIATE", purpose_);
        if (opened)
            for (const auto& [component, migrations] : store_.schemas_) apply_migrations(*store_.db_, component, migrations);
    }
}

sqlite_store::write::~write() {
    if (done_) return;
    try {
        if (store_.in_any_step())
            store_.db_->exec("ROLLBACK TO write; RELEASE write", purpose_);
        else
            store_.db_->exec("ROLLBACK", purpose_);
    } catch (...) {  // SQLite may already have rolled back on its own (a full disk)
    }
}

void sqlite_store::write::commit() {
    store_.db_->exec(store_.in_any_step() ? "RELEASE write" : "COMMIT", purpose_);
    done_ = true;
}

}  // namespace lolpop::detail
