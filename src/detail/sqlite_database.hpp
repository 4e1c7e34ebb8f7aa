#pragma once
// A thin RAII layer over the SQLite C API, private to lolpop_sqlite: a connection, a prepared
// statement and a transaction guard. Every failure becomes a lolpop::error that names what was
// being done and the database file.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace lolpop::detail {

class sqlite_statement;

class sqlite_database {
public:
    enum class access { read_write, read_only, in_memory };

    // read_write creates the file and its parent directories when missing; read_only never
    // creates anything, so a mistyped path is an error rather than a new empty database;
    // in_memory opens an empty database that lives as long as the connection (`path` names it
    // in messages).
    // Both wait up to 5 s for another connection's lock and enforce foreign keys; read_write
    // also switches the file to WAL so readers and a writer in other processes do not block.
    sqlite_database(std::string path, access mode);
    ~sqlite_database();
    sqlite_database(const sqlite_database&) = delete;
    sqlite_database& operator=(const sqlite_database&) = delete;

    const std::string& path() const noexcept { return path_; }

    // Runs one or more statements that return no rows. `purpose` completes "cannot ...".
    void exec(std::string_view sql, std::string_view purpose);
    sqlite_statement prepare(std::string_view sql, std::string_view purpose);

    // Whether the file was deleted or replaced since it was opened.
    bool has_moved() const noexcept;

    // Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const noexcept;

    // Throws "cannot <purpose>: <SQLite's message>" naming the file.
    [[noreturn]] void fail(std::string_view purpose) const;

    // Of the last failure: SQLite's message, and the byte offset in the SQL of the token at fault
    // (-1 when it names none).
    std::string last_message() const;
    int last_error_offset() const noexcept;

private:
    friend class sqlite_statement;
    friend class sqlite_transaction;

    void use_wal_journal();

    std::string path_;
    sqlite3* db_ = nullptr;
};

enum class sqlite_value_kind { integer, real, text, blob, null };

class sqlite_statement {
public:
    sqlite_statement(sqlite_statement&& other) noexcept;
    sqlite_statement& operator=(sqlite_statement&&) = delete;
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;
    ~sqlite_statement();

    // Parameters are numbered from 1, as in SQL.
    sqlite_statement& bind_int64(int index, std::int64_t value);
    // NaN is bound as NULL: SQLite has no NaN and would store NULL anyway.
    sqlite_statement& bind_double(int index, double value);
    sqlite_statement& bind_text(int index, std::string_view value);
    sqlite_statement& bind_null(int index);
    // The index of a named parameter written ":name" in the SQL; 0 when there is none.
    int parameter_index(std::string_view name_with_prefix) const;
    int parameter_count() const noexcept;
    // The parameter's name with its prefix (":name", "@name", "$name"); "" for "?".
    std::string parameter_name(int index) const;

    // Advances to the next row: true when one is ready, false when the statement is done.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Makes the statement ready to run again with new bindings.
    void reset();

    bool read_only() const noexcept;

    // Columns are numbered from 0, as in the C API.
    int column_count() const noexcept;
    std::string column_name(int index) const;
    // The declared type of a column read straight from a table ("REAL", "INTEGER", ...); "" for
    // an expression.
    std::string column_declared_type(int index) const;
    sqlite_value_kind column_kind(int index) const noexcept;
    std::int64_t column_int64(int index) const noexcept;
    // NULL reads as NaN.
    double column_double(int index) const noexcept;
    // NULL reads as "".
    std::string column_text(int index) const;
    // The same, valid until the next step or reset.
    std::string_view column_text_view(int index) const noexcept;

private:
    friend class sqlite_database;
    sqlite_statement(sqlite_database& db, std::string_view sql, std::string_view purpose);
    [[noreturn]] void fail() const;
    void check_bind(int rc) const;

    sqlite_database* db_;
    std::string purpose_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction, so the write lock is taken (or waited for) up front rather
// than failing half way through when another connection writes; ROLLBACK on destruction unless
// commit() ran.
class sqlite_transaction {
public:
    sqlite_transaction(sqlite_database& db, std::string_view purpose);
    ~sqlite_transaction();
    sqlite_transaction(const sqlite_transaction&) = delete;
    sqlite_transaction& operator=(const sqlite_transaction&) = delete;

    void commit();

private:
    sqlite_database& db_;
    std::string purpose_;
    bool done_ = false;
};

// The SQL spelling of an identifier: in double quotes, embedded quotes doubled.
std::string quote_identifier(std::string_view name);

}  // namespace lolpop::detail
