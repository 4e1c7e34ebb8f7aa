#pragma once
// lolpop::sqlite_data_connector — frames from and to tables of a SQLite file.
//
// get_data(source) reads the table `source` when it is a plain identifier, and otherwise runs
// `source` as one read-only query whose named parameters (:name, @name or $name) take their values
// from the `parameters` setting. Column types follow the stored values: integers give an integer
// column, reals (alone or with integers) a numeric one, text a categorical one, NULL a missing
// value; a column with no values takes its type from the table's declaration (INTEGER, REAL or
// TEXT). Reading never creates the file: a mistyped path is an error.
//
// save_data(frame, table) replaces the table in one transaction (INTEGER, REAL and TEXT columns,
// missing values as NULL), so a failure leaves the old table as it was.
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <map>
#include <string>
#include <string_view>

namespace lolpop {

class sqlite_data_connector {
public:
    struct config {
        std::string path;
        // Values of a query's named parameters, bound as text: SQLite converts them when they
        // are compared with numeric columns.
        std::map<std::string, std::string> parameters;
    };
    static constexpr std::string_view name = "sqlite_data_connector";

    sqlite_data_connector(const config& cfg, context& ctx);

    frame get_data(const std::string& source);
    void save_data(const frame& f, const std::string& table);

private:
    config config_;
    context* ctx_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::sqlite_data_connector::config, path, parameters);

static_assert(lolpop::data_connector<lolpop::sqlite_data_connector>);
