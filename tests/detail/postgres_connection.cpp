// The libpq layer under the PostgreSQL components, against the tests' server.
#include "detail/postgres_connection.hpp"

#include "../message_of.hpp"
#include "../postgres_server.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>

namespace {

using lolpop::detail::postgres_connection;

// The dsn with its password replaced.
std::string with_password(const std::string& dsn, const std::string& password) {
    return std::regex_replace(dsn, std::regex("password=[^ ]*"), "password=" + password);
}

std::string field(const std::string& dsn, const std::string& key) {
    std::smatch m;
    std::regex_search(dsn, m, std::regex(key + "=([^ ]*)"));
    return m[1];
}

}  // namespace

TEST_CASE("postgres_connection binds text parameters and reads rows back") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    postgres_connection conn(*dsn);
    CHECK(conn.where() == "postgresql host=" + field(*dsn, "host") + " port=" + field(*dsn, "port") +
                              " dbname=" + field(*dsn, "dbname"));

    const auto r = conn.exec("SELECT $1::text, $2::bigint, $3::float8, $4::text, $5::float8, $6::text", "read back",
                             std::string("it's"), 42, 0.1, std::nullopt, std::nan(""), "ünïcode");
    REQUIRE(r.rows() == 1);
    CHECK(r.columns() == 6);
    CHECK(r.text(0, 0) == "it's");
    CHECK(r.int64(0, 1) == 42);
    CHECK(r.real(0, 2) == 0.1);
    CHECK(r.is_null(0, 3));
    CHECK(r.optional_text(0, 3) == std::nullopt);
    CHECK(std::isnan(r.real(0, 4)));
    CHECK(r.text(0, 5) == "ünïcode");
    CHECK(conn.exec("SELECT $1::float8", "read back", -HUGE_VAL).real(0, 0) == -HUGE_VAL);
    CHECK(conn.exec("SELECT $1::float8", "read back", 1e-310).real(0, 0) == 1e-310);
}

TEST_CASE("postgres_transaction commits, or rolls back when it is not committed") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    postgres_connection conn(*dsn);
    conn.exec_script("CREATE TEMPORARY TABLE t (v text); INSERT INTO t VALUES ('before')", "make a table");
    {
        lolpop::detail::postgres_transaction tx(conn, "write");
        CHECK(conn.in_transaction());
        CHECK(conn.exec("INSERT INTO t VALUES ($1), ($2)", "write", "a", "b").affected_rows() == 2);
    }
    CHECK(!conn.in_transaction());
    CHECK(conn.exec("SELECT count(*) FROM t", "count").int64(0, 0) == 1);
    {
        lolpop::detail::postgres_transaction tx(conn, "write");
        conn.exec("INSERT INTO t VALUES ($1)", "write", "c");
        tx.commit();
    }
    CHECK(conn.exec("SELECT count(*) FROM t", "count").int64(0, 0) == 2);
}

TEST_CASE("a failed statement is one line: what, the server's message and which server") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    postgres_connection conn(*dsn);
    const auto message = message_of([&] { conn.exec("SELECT * FROM no_such_table", "list the things"); });
    CHECK(message == "cannot list the things: relation \"no_such_table\" does not exist (" + conn.where() + ")");
    try {
        conn.exec("SELECT 1/0", "divide");
        FAIL("no error");
    } catch (const lolpop::detail::postgres_error& e) {
        CHECK(e.sqlstate() == "22012");
    }
    CHECK(conn.exec("SELECT 1", "read").int64(0, 0) == 1);  // the connection is still usable
}

TEST_CASE("no error message names the password") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const std::string secret = "Wr0ngSecretValue";
    const auto host = field(*dsn, "host");
    const auto port = field(*dsn, "port");
    const auto user = field(*dsn, "user");
    const auto dbname = field(*dsn, "dbname");

    const auto wrong = message_of([&] { postgres_connection c(with_password(*dsn, secret)); });
    CHECK(wrong == "cannot connect to PostgreSQL: password authentication failed for user \"" + user +
                       "\" (postgresql host=" + host + " port=" + port + " dbname=" + dbname + ")");

    const auto uri = message_of(
        [&] { postgres_connection c("postgresql://" + user + ":" + secret + "@" + host + ":" + port + "/" + dbname); });
    CHECK(uri.starts_with("cannot connect to PostgreSQL: password authentication failed"));
    CHECK(uri.find(secret) == std::string::npos);

    // Nothing listens on port 1.
    const auto refused = message_of([&] { postgres_connection c("host=127.0.0.1 port=1 password=" + secret); });
    CHECK(refused.starts_with("cannot connect to PostgreSQL: "));
    CHECK(refused.find("port=1") != std::string::npos);
    CHECK(refused.find(secret) == std::string::npos);
    CHECK(refused.find('\n') == std::string::npos);

    // A port that is not a number: libpq quotes it, and the password is left out.
    const auto bad_port =
        message_of([&] { postgres_connection c("postgresql://" + user + ":" + secret + "@" + host + ":x"); });
    CHECK(bad_port.find("\"x\"") != std::string::npos);
    CHECK(bad_port.starts_with("cannot connect to PostgreSQL"));
    CHECK(bad_port.find(secret) == std::string::npos);

    const auto malformed = message_of([&] { postgres_connection c("host=" + host + " password " + secret); });
    CHECK(malformed.starts_with("cannot connect to PostgreSQL: the connection string is neither"));
    CHECK(malformed.find(secret) == std::string::npos);
}

TEST_CASE("what the connection string leaves out comes from libpq's environment and password file") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const std::string without_password = std::regex_replace(*dsn, std::regex(" ?password=[^ ]*"), "");
    const std::string pgpass = std::string(std::getenv("LOLPOP_TEST_POSTGRES")) + "/pgpass";
    ::setenv("PGPASSFILE", pgpass.c_str(), 1);
    CHECK(postgres_connection(without_password).exec("SELECT current_user", "read").text(0, 0) == field(*dsn, "user"));
    ::unsetenv("PGPASSFILE");

    // A wrong password from PGPASSWORD is left out of the message as one in the string is.
    const std::string secret = "FromTheEnvironment42";
    ::setenv("PGPASSWORD", secret.c_str(), 1);
    const auto message = message_of([&] { postgres_connection c(without_password); });
    ::unsetenv("PGPASSWORD");
    CHECK(message.starts_with("cannot connect to PostgreSQL: password authentication failed"));
    CHECK(message.find(secret) == std::string::npos);
}

TEST_CASE("copy_in sends rows in pieces, and stores none of them when the producer throws") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    postgres_connection conn(*dsn);
    conn.exec_script("CREATE TEMPORARY TABLE copied (n bigint, s text)", "make a table");
    int pieces = 0;
    conn.copy_in("COPY copied FROM STDIN", [&](std::string& buffer) {
        buffer += std::to_string(pieces) + "\ttab\\there\n" + std::to_string(pieces + 100) + "\t\\N\n";
        return ++pieces < 3;
    }, "copy rows");
    CHECK(conn.exec("SELECT count(*) FROM copied", "count").int64(0, 0) == 6);
    CHECK(conn.exec("SELECT count(s) FROM copied", "count").int64(0, 0) == 3);
    CHECK(conn.exec("SELECT min(s) FROM copied", "read").text(0, 0) == "tab\there");

    CHECK_THROWS_WITH(conn.copy_in("COPY copied FROM STDIN", [](std::string& buffer) -> bool {
        buffer += "7\tseven\n";
        throw std::runtime_error("the producer failed");
    }, "copy rows"), "the producer failed");
    CHECK(conn.exec("SELECT count(*) FROM copied", "count").int64(0, 0) == 6);  // still usable, nothing added

    const auto refused = message_of([&] {
        conn.copy_in("COPY copied FROM STDIN", [](std::string& buffer) {
            buffer += "not a number\tx\n";
            return false;
        }, "copy rows");
    });
    CHECK(refused == "cannot copy rows: invalid input syntax for type bigint: \"not a number\" (" + conn.where() + ")");
    CHECK(conn.exec("SELECT count(*) FROM copied", "count").int64(0, 0) == 6);
    CHECK(message_of([&] { conn.copy_in("COPY no_such_table FROM STDIN", [](std::string&) { return false; }, "copy rows"); }) ==
          "cannot copy rows: relation \"no_such_table\" does not exist (" + conn.where() + ")");
}
