#include "detail/sqlite_database.hpp"

#include <lolpop/core/error.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <system_error>
#include <thread>
#include <utility>

namespace lolpop::detail {

namespace {

// How long a write waits for another process's write lock. Steps hold it only while they store
// (their computing is done by then), so a long wait means a stuck writer.
constexpr int busy_timeout_ms = 30000;

// SQLite's "database is locked" does not say that another process holds it, nor for how long
// this one waited.
std::string failure_of(sqlite3* db, int rc) {
    if ((rc & 0xff) == SQLITE_BUSY)
        return "another process has held the store's write lock for " + std::to_string(busy_timeout_ms / 1000) +
               " s (a step that stopped while storing, or many writers at once)";
    return db ? sqlite3_errmsg(db) : "out of memory";
}

std::string message_of(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

}  // namespace

sqlite_database::sqlite_database(std::string path, access mode) : path_(std::move(path)) {
    int flags = SQLITE_OPEN_READONLY;
    if (mode == access::read_write) {
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        auto parent = std::filesystem::path(path_).parent_path();
        std::error_code ec;
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        if (ec) throw error("cannot create the database's directory: " + ec.message(), path_);
    }
    if (mode == access::in_memory) flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY;
    int rc = sqlite3_open_v2(mode == access::in_memory ? ":memory:" : path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        // The handle exists even on failure and holds the message; it must still be closed.
        std::string message = message_of(db_);
        sqlite3_close(db_);
        db_ = nullptr;
        throw error("cannot open database: " + message, path_);
    }
    try {
        sqlite3_busy_timeout(db_, busy_timeout_ms);
        exec("PRAGMA foreign_keys = ON", "enable foreign keys");
        if (mode == access::read_write) use_wal_journal();
    } catch (...) {
        sqlite3_close(db_);
        throw;
    }
}

// Switching a new file to WAL takes an exclusive lock for which SQLite does not call the busy
// handler: when several processes open a new store at once, all but one get "database is
// locked" at once. The mode is stored in the file, so once one of them has switched it the others
// find it switched; until then they wait as for any write lock.
void sqlite_database::use_wal_journal() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        char* message = nullptr;
        const int rc = sqlite3_exec(db_, "PRAGMA journal_mode = WAL", nullptr, nullptr, &message);
        sqlite3_free(message);
        if (rc == SQLITE_OK) return;
        if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
            throw error("cannot switch to WAL journal: " + failure_of(db_, rc), path_);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

sqlite_database::~sqlite_database() {
    // Every statement is finalized by its own destructor first, so close cannot report busy.
    sqlite3_close(db_);
}

void sqlite_database::exec(std::string_view sql, std::string_view purpose) {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string what = (rc & 0xff) == SQLITE_BUSY ? failure_of(db_, rc) : message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw error("cannot " + std::string(purpose) + ": " + what, path_);
    }
}

sqlite_statement sqlite_database::prepare(std::string_view sql, std::string_view purpose) {
    return sqlite_statement(*this, sql, purpose);
}

bool sqlite_database::has_moved() const noexcept {
    int moved = 0;
    return sqlite3_file_control(db_, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0;
}

int sqlite_database::changes() const noexcept { return sqlite3_changes(db_); }

void sqlite_database::fail(std::string_view purpose) const {
    throw error("cannot " + std::string(purpose) + ": " + failure_of(db_, db_ ? sqlite3_extended_errcode(db_) : SQLITE_NOMEM), path_);
}

std::string sqlite_database::last_message() const { return message_of(db_); }

int sqlite_database::last_error_offset() const noexcept { return db_ ? sqlite3_error_offset(db_) : -1; }

sqlite_statement::sqlite_statement(sqlite_database& db, std::string_view sql, std::string_view purpose)
    : db_(&db), purpose_(purpose) {
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db.db_, sql.data(), static_cast<int>(sql.size()), &stmt_, &tail) != SQLITE_OK)
        db.fail(purpose_);
    if (!stmt_) throw error("cannot " + purpose_ + ": the SQL holds no statement", db.path());
    std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
        sqlite3_finalize(stmt_);
        throw error("cannot " + purpose_ + ": the SQL holds more than one statement", db.path());
    }
}

sqlite_statement::sqlite_statement(sqlite_statement&& other) noexcept
    : db_(other.db_), purpose_(std::move(other.purpose_)), stmt_(std::exchange(other.stmt_, nullptr)) {}

sqlite_statement::~sqlite_statement() { sqlite3_finalize(stmt_); }

void sqlite_statement::fail() const { db_->fail(purpose_); }

void sqlite_statement::check_bind(int rc) const {
    if (rc != SQLITE_OK) fail();
}

sqlite_statement& sqlite_statement::bind_int64(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

sqlite_statement& sqlite_statement::bind_double(int index, double value) {
    if (std::isnan(value)) return bind_null(index);
    check_bind(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

sqlite_statement& sqlite_statement::bind_text(int index, std::string_view value) {
    check_bind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

sqlite_statement& sqlite_statement::bind_null(int index) {
    check_bind(sqlite3_bind_null(stmt_, index));
    return *this;
}

int sqlite_statement::parameter_index(std::string_view name_with_prefix) const {
    return sqlite3_bind_parameter_index(stmt_, std::string(name_with_prefix).c_str());
}

int sqlite_statement::parameter_count() const noexcept { return sqlite3_bind_parameter_count(stmt_); }

std::string sqlite_statement::parameter_name(int index) const {
    const char* name = sqlite3_bind_parameter_name(stmt_, index);
    return name ? name : "";
}

bool sqlite_statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail();
}

void sqlite_statement::run() {
    while (step()) {
    }
}

void sqlite_statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool sqlite_statement::read_only() const noexcept { return sqlite3_stmt_readonly(stmt_) != 0; }

int sqlite_statement::column_count() const noexcept { return sqlite3_column_count(stmt_); }

std::string sqlite_statement::column_name(int index) const {
    const char* name = sqlite3_column_name(stmt_, index);
    return name ? name : "";
}

std::string sqlite_statement::column_declared_type(int index) const {
    const char* type = sqlite3_column_decltype(stmt_, index);
    return type ? type : "";
}

sqlite_value_kind sqlite_statement::column_kind(int index) const noexcept {
    switch (sqlite3_column_type(stmt_, index)) {
    case SQLITE_INTEGER: return sqlite_value_kind::integer;
    case SQLITE_FLOAT: return sqlite_value_kind::real;
    case SQLITE_TEXT: return sqlite_value_kind::text;
    case SQLITE_BLOB: return sqlite_value_kind::blob;
    default: return sqlite_value_kind::null;
    }
}

std::int64_t sqlite_statement::column_int64(int index) const noexcept { return sqlite3_column_int64(stmt_, index); }

double sqlite_statement::column_double(int index) const noexcept {
    if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(stmt_, index);
}

std::string sqlite_statement::column_text(int index) const { return std::string(column_text_view(index)); }

std::string_view sqlite_statement::column_text_view(int index) const noexcept {
    const unsigned char* text = sqlite3_column_text(stmt_, index);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

sqlite_transaction::sqlite_transaction(sqlite_database& db, std::string_view purpose) : db_(db), purpose_(purpose) {
    db_.exec("BEGIN IMMEDIATE", purpose_);
}

sqlite_transaction::~sqlite_transaction() {
    // SQLite may already have rolled back on its own (a full disk, an interrupt); a second
    // ROLLBACK would only fail.
    if (!done_ && sqlite3_get_autocommit(db_.db_) == 0) sqlite3_exec(db_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void sqlite_transaction::commit() {
    db_.exec("COMMIT", purpose_);
    done_ = true;
}

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace lolpop::detail
