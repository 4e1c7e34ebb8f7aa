#include "detail/postgres_connection.hpp"
#include "detail/parse_number.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

namespace lolpop::detail {

namespace {

// The first line of libpq's message, without the parts the error line says already: libpq
// writes "connection to server at \"h\", port p failed: FATAL:  <message>\n\t<hint>".
std::string first_line(std::string_view message) {
    message = message.substr(0, message.find('\n'));
    if (const auto failed = message.find(" failed: "); message.starts_with("connection to server") && failed != std::string_view::npos)
        message.remove_prefix(failed + 9);
    for (std::string_view severity : {"FATAL:  ", "ERROR:  "})
        if (message.starts_with(severity)) message.remove_prefix(severity.size());
    while (!message.empty() && (message.back() == ' ' || message.back() == '\r')) message.remove_suffix(1);
    return std::string(message);
}

// Every occurrence of the password replaced: libpq never quotes it on purpose, but a malformed
// URI can end up in a message whole.
std::string without(std::string text, const std::string& password) {
    if (password.empty()) return text;
    for (auto at = text.find(password); at != std::string::npos; at = text.find(password, at))
        text.replace(at, password.size(), "***");
    return text;
}

std::string option_value(PQconninfoOption* options, std::string_view keyword) {
    for (auto* o = options; o != nullptr && o->keyword != nullptr; ++o)
        if (keyword == o->keyword && o->val != nullptr) return o->val;
    return {};
}

struct conninfo_free {
    void operator()(PQconninfoOption* o) const noexcept { PQconninfoFree(o); }
};

std::string describe(PGconn* conn) {
    const auto or_default = [](const char* v) { return v != nullptr && *v != '\0' ? std::string(v) : std::string("?"); };
    return "postgresql host=" + or_default(PQhost(conn)) + " port=" + or_default(PQport(conn)) +
           " dbname=" + or_default(PQdb(conn));
}

void ignore_notice(void*, const char*) {}

}  // namespace

std::string postgres_double_text(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    return fmt::format("{}", value);
}

std::string postgres_result::text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::optional<std::string> postgres_result::optional_text(int row, int column) const {
    if (is_null(row, column)) return std::nullopt;
    return text(row, column);
}

std::int64_t postgres_result::int64(int row, int column) const {
    const auto value = parse_int64(text(row, column));
    if (!value) throw error("column " + column_name(column) + " holds '" + text(row, column) + "', not an integer");
    return *value;
}

double postgres_result::real(int row, int column) const {
    if (is_null(row, column)) return std::nan("");
    const std::string t = text(row, column);
    if (t == "NaN") return std::nan("");
    if (t == "Infinity") return HUGE_VAL;
    if (t == "-Infinity") return -HUGE_VAL;
    const auto value = parse_double(t);
    if (!value) throw error("column " + column_name(column) + " holds '" + t + "', not a number");
    return *value;
}

std::size_t postgres_result::affected_rows() const {
    const auto n = parse_int64(PQcmdTuples(result_.get()));
    return n ? static_cast<std::size_t>(*n) : 0;
}

postgres_connection::postgres_connection(const std::string& dsn) {
    {
        char* message = nullptr;
        std::unique_ptr<PQconninfoOption, conninfo_free> parsed(PQconninfoParse(dsn.c_str(), &message));
        if (!parsed) {
            // libpq's message quotes the string around the mistake, which may be the password.
            PQfreemem(message);
            throw error("cannot connect to PostgreSQL: the connection string is neither key=value pairs nor a "
                        "postgresql:// URI",
                        "postgresql");
        }
        password_ = option_value(parsed.get(), "password");
    }
    // The caller's string comes last: what it says overrides these defaults.
    std::vector<const char*> keywords{"fallback_application_name"};
    std::vector<const char*> values{"lolpop"};
    if (std::getenv("PGCONNECT_TIMEOUT") == nullptr) {
        keywords.push_back("connect_timeout");
        values.push_back("10");
    }
    keywords.push_back("dbname");
    values.push_back(dsn.c_str());
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    conn_.reset(PQconnectdbParams(keywords.data(), values.data(), 1));
    if (!conn_) throw error("cannot connect to PostgreSQL: out of memory", "postgresql");
    where_ = describe(conn_.get());
    // A password from PGPASSWORD or the password file is left out of messages too.
    if (std::unique_ptr<PQconninfoOption, conninfo_free> used(PQconninfo(conn_.get())); used) {
        if (auto p = option_value(used.get(), "password"); !p.empty()) password_ = std::move(p);
    }
    if (PQstatus(conn_.get()) != CONNECTION_OK) fail(nullptr, "connect to PostgreSQL");
    PQsetNoticeProcessor(conn_.get(), ignore_notice, nullptr);
}

postgres_connection::~postgres_connection() = default;
postgres_connection::postgres_connection(postgres_connection&&) noexcept = default;
postgres_connection& postgres_connection::operator=(postgres_connection&&) noexcept = default;

void postgres_connection::fail(const PGresult* result, std::string_view purpose) const {
    std::string message;
    std::string sqlstate;
    if (result != nullptr) {
        if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = primary;
        if (const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = state;
    }
    if (message.empty()) message = first_line(PQerrorMessage(conn_.get()));
    if (message.empty()) message = "no message from the server";
    throw postgres_error("cannot " + std::string(purpose) + ": " + without(message, password_), where_, sqlstate);
}

postgres_result postgres_connection::exec_params(std::string_view sql, std::span<const postgres_param> params,
                                                 std::string_view purpose) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const std::string statement(sql);
    postgres_result result(PQexecParams(conn_.get(), statement.c_str(), static_cast<int>(values.size()), nullptr,
                                        values.data(), nullptr, nullptr, 0));
    return check(std::move(result), purpose);
}

postgres_result postgres_connection::check(postgres_result result, std::string_view purpose) const {
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result.get(), purpose);
    return result;
}

void postgres_connection::exec_script(std::string_view sql, std::string_view purpose) {
    const std::string script(sql);
    check(postgres_result(PQexec(conn_.get(), script.c_str())), purpose);
}

void postgres_connection::copy_in(std::string_view sql, const std::function<bool(std::string&)>& fill,
                                  std::string_view purpose) {
    const std::string statement(sql);
    postgres_result started(PQexec(conn_.get(), statement.c_str()));
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) fail(started.get(), purpose);
    // Ends the COPY and reads its own result, after which the connection takes commands again.
    const auto finish = [&](const char* abandoned) {
        std::optional<postgres_result> outcome;
        if (PQputCopyEnd(conn_.get(), abandoned) != 1) return outcome;
        while (PGresult* r = PQgetResult(conn_.get()))
            if (!outcome) outcome.emplace(r);
            else PQclear(r);
        return outcome;
    };
    std::string buffer;
    try {
        for (bool more = true; more;) {
            buffer.clear();
            more = fill(buffer);
            if (!buffer.empty() && PQputCopyData(conn_.get(), buffer.data(), static_cast<int>(buffer.size())) != 1)
                fail(nullptr, purpose);
        }
    } catch (...) {
        finish("abandoned by the client");
        throw;
    }
    const auto outcome = finish(nullptr);
    if (!outcome || PQresultStatus(outcome->get()) != PGRES_COMMAND_OK) fail(outcome ? outcome->get() : nullptr, purpose);
}

bool postgres_connection::in_transaction() const noexcept {
    const auto status = PQtransactionStatus(conn_.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

postgres_transaction::postgres_transaction(postgres_connection& conn, std::string_view purpose)
    : conn_(conn), purpose_(purpose) {
    conn_.exec("BEGIN", purpose_);
}

postgres_transaction::~postgres_transaction() {
    if (done_) return;
    try {
        conn_.exec("ROLLBACK", purpose_);
    } catch (...) {  // a lost connection ends its transaction on the server by itself
    }
}

void postgres_transaction::commit() {
    conn_.exec("COMMIT", purpose_);
    done_ = true;
}

std::string postgres_identifier(std::string_view name) {
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace lolpop::detail
