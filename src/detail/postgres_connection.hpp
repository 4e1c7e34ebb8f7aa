#pragma once
// A thin RAII layer over libpq, private to lolpop_postgres: a connection, a query result and a
// transaction guard. Every failure becomes a lolpop::error of one line that says what was being
// done, the server's own message and which server (host, port, database), and never the password:
// a connection string carries it, and error lines end up in logs and reports.
#include <libpq-fe.h>

#include <lolpop/core/error.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace lolpop::detail {

// A failure the server reported, with its SQLSTATE ("40001" for a serialization failure, "" when
// the connection itself failed), so that a caller can tell what is worth retrying.
class postgres_error : public error {
public:
    postgres_error(std::string what, std::string where, std::string sqlstate)
        : error(std::move(what), std::move(where)), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const noexcept { return sqlstate_; }

private:
    std::string sqlstate_;
};

// The rows of one statement. Rows and columns are numbered from 0.
class postgres_result {
public:
    explicit postgres_result(PGresult* result) noexcept : result_(result) {}

    int rows() const noexcept { return PQntuples(result_.get()); }
    int columns() const noexcept { return PQnfields(result_.get()); }
    std::string column_name(int column) const { return PQfname(result_.get(), column); }
    // The column's type, by its OID in pg_type (INT8OID, TEXTOID, ...).
    Oid column_type(int column) const noexcept { return PQftype(result_.get(), column); }
    bool is_null(int row, int column) const noexcept { return PQgetisnull(result_.get(), row, column) != 0; }
    // NULL reads as "".
    std::string text(int row, int column) const;
    std::optional<std::string> optional_text(int row, int column) const;
    // Throws when the value is not an integer (or NULL).
    std::int64_t int64(int row, int column) const;
    // "NaN", "Infinity" and "-Infinity" read as such; NULL reads as NaN.
    double real(int row, int column) const;
    // Rows an INSERT, UPDATE or DELETE changed.
    std::size_t affected_rows() const;

private:
    friend class postgres_connection;
    PGresult* get() const noexcept { return result_.get(); }

    struct clear {
        void operator()(PGresult* r) const noexcept { PQclear(r); }
    };
    std::unique_ptr<PGresult, clear> result_;
};

// A query parameter, bound as text (the server converts it to the column's type); nullopt is NULL.
using postgres_param = std::optional<std::string>;

// Text that PostgreSQL reads back as the same double: shortest round-trip digits, and NaN and the
// infinities spelt as the server spells them.
std::string postgres_double_text(double value);

inline postgres_param to_postgres_param(std::string_view s) { return std::string(s); }
inline postgres_param to_postgres_param(const char* s) { return std::string(s); }
inline postgres_param to_postgres_param(const std::string& s) { return s; }
inline postgres_param to_postgres_param(const std::optional<std::string>& s) { return s; }
inline postgres_param to_postgres_param(std::nullopt_t) { return std::nullopt; }
inline postgres_param to_postgres_param(double v) { return postgres_double_text(v); }
template <std::integral I>
    requires(!std::same_as<I, bool> && !std::same_as<I, char>)
postgres_param to_postgres_param(I v) {
    return std::to_string(v);
}

class postgres_connection {
public:
    // Connects with a libpq connection string ("host=... dbname=..." or "postgresql://..."); what
    // it leaves out comes from libpq's environment variables (PGHOST, PGPASSWORD, ...) and the
    // password file (~/.pgpass, PGPASSFILE). Waits at most 10 s for the server unless the string
    // or PGCONNECT_TIMEOUT says otherwise. The server's notices are not printed.
    explicit postgres_connection(const std::string& dsn);
    ~postgres_connection();
    postgres_connection(postgres_connection&&) noexcept;
    postgres_connection& operator=(postgres_connection&&) noexcept;
    postgres_connection(const postgres_connection&) = delete;
    postgres_connection& operator=(const postgres_connection&) = delete;

    // "postgresql host=... port=... dbname=...": the `where` of every error.
    const std::string& where() const noexcept { return where_; }

    // One statement, its $1, $2, ... bound to `params` in order. `purpose` completes
    // "cannot ..." in the error.
    template <class... P>
    postgres_result exec(std::string_view sql, std::string_view purpose, const P&... params) {
        const std::array<postgres_param, sizeof...(P)> bound{to_postgres_param(params)...};
        return exec_params(sql, bound, purpose);
    }
    postgres_result exec_params(std::string_view sql, std::span<const postgres_param> params,
                                std::string_view purpose);
    // Several statements separated by semicolons, without parameters (a migration), in the
    // transaction under way or as one of their own.
    void exec_script(std::string_view sql, std::string_view purpose);
    // A COPY ... FROM STDIN: `fill` appends rows in COPY's format to the buffer it is given, a
    // piece at a time that is sent before the next, and returns false after the last. When `fill`
    // throws, the COPY is abandoned (the server stores none of it) and the exception goes on.
    void copy_in(std::string_view sql, const std::function<bool(std::string&)>& fill, std::string_view purpose);

    // Whether a transaction is open (also one that failed and awaits its ROLLBACK).
    bool in_transaction() const noexcept;

    // Throws "cannot <purpose>: <message>" naming the server; `result` may be null (the
    // connection failed).
    [[noreturn]] void fail(const PGresult* result, std::string_view purpose) const;

private:
    postgres_result check(postgres_result result, std::string_view purpose) const;

    struct finish {
        void operator()(PGconn* c) const noexcept { PQfinish(c); }
    };
    std::unique_ptr<PGconn, finish> conn_;
    std::string where_;
    std::string password_;  // the one in use, kept only to be left out of messages
};

// BEGIN on construction; ROLLBACK on destruction unless commit() ran.
class postgres_transaction {
public:
    postgres_transaction(postgres_connection& conn, std::string_view purpose);
    ~postgres_transaction();
    postgres_transaction(const postgres_transaction&) = delete;
    postgres_transaction& operator=(const postgres_transaction&) = delete;

    void commit();

private:
    postgres_connection& conn_;
    std::string purpose_;
    bool done_ = false;
};

// The SQL spelling of an identifier (a schema name): in double quotes, embedded quotes doubled.
std::string postgres_identifier(std::string_view name);

}  // namespace lolpop::detail
