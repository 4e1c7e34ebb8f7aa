#pragma once
// lolpop::postgres_data_connector — frames from and to tables of a PostgreSQL database.
//
// get_data(source) reads the table `source` when it is a name (`table` or `schema.table`, read as
// SQL reads an unquoted name: in lower case), and otherwise runs `source` as one query in a
// read-only transaction, its $1, $2, ... bound in order to the values of the `parameters` setting.
// Column types follow the result's: smallint, integer and bigint give an integer column, boolean
// an integer column of 0 and 1, real, double precision and numeric a numeric one (numeric's
// NaN and values beyond a double's precision as a double holds them), bytea is an error, and
// every other type (text, varchar, char, date, timestamp, json, ...) a categorical one of the text
// PostgreSQL prints for it (ISO 8601 for dates and times). NULL is a missing value.
//
// save_data(frame, table) replaces the table in one transaction: created anew with bigint,
// double precision and text columns and filled by one COPY, missing values as NULL; a failure
// leaves the old table as it was.
//
// Errors are one line naming the connector, what was being done, the server's message and the
// server (host, port, database), never the password.
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class postgres_data_connector {
public:
    struct config {
        // A libpq connection string ("host=... dbname=..." or "postgresql://..."), which may hold
        // the password.
        secret dsn;
        // Values of a query's $1, $2, ... in order, bound as text: the server converts each to
        // the type its place in the query needs.
        std::vector<std::string> parameters;
    };
    static constexpr std::string_view name = "postgres_data_connector";

    postgres_data_connector(const config& cfg, context& ctx);

    frame get_data(const std::string& source);
    void save_data(const frame& f, const std::string& table);

private:
    config config_;
    context* ctx_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::postgres_data_connector::config, dsn, parameters);

static_assert(lolpop::data_connector<lolpop::postgres_data_connector>);
