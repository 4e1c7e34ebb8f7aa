#pragma once
// rule_data_checker — checks a frame against rules from the profile: the schema (required
// columns and their types), the missing rate, numeric ranges and allowed values.
//
// check_data gives a report titled "data checks" with one finding per rule and column: ok when
// the data keeps the rule, otherwise the rule kind's status. A report with status error stops
// the pipeline (offline_process before anything is stored, offline_predict before predicting).
// Drift between two frames is not a single-frame check: summary_data_profiler::compare_data
// measures it (lolpop::measure_drift).
//
// Settings (numbers in tables are strings, as profile tables hold strings)
//   required_columns        columns that must be present
//   column_types            column = "numeric", "integer" or "categorical"; "numeric" also accepts
//                           an integer column (whole numbers are numbers)
//   max_missing             column = the largest allowed fraction of missing values, "0" to "1";
//                           the key "*" sets it for every column without its own entry
//   min, max                column = the smallest / largest allowed value of a numeric or integer
//                           column; missing values are not checked
//   allowed_values          column = the allowed values, comma-separated ("Biscoe, Dream"); a value
//                           is compared as text (column::to_string), so any column type works
//   schema_status, missing_status, range_status, allowed_values_status
//                           "warn" or "error" (the default): what a violation of that kind is
// Every column a rule names must be present; an absent one is a schema violation with a
// did-you-mean. Settings are parsed at construction.
#include <lolpop/concepts/data_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class rule_data_checker {
public:
    struct config {
        std::vector<std::string> required_columns;
        std::map<std::string, std::string> column_types;
        std::map<std::string, std::string> max_missing;
        std::map<std::string, std::string> min;
        std::map<std::string, std::string> max;
        std::map<std::string, std::string> allowed_values;
        std::string schema_status = "error";
        std::string missing_status = "error";
        std::string range_status = "error";
        std::string allowed_values_status = "error";
    };
    static constexpr std::string_view name = "rule_data_checker";

    // Throws lolpop::error naming the setting and column for an unknown type or status, a
    // fraction or bound that is not a number, a fraction outside [0, 1], min above max, or an
    // empty list of allowed values.
    rule_data_checker(const config& cfg, context& ctx);

    report check_data(const frame& data) const;

private:
    struct range {
        std::optional<double> min;
        std::optional<double> max;
    };

    std::vector<std::string> required_;
    std::map<std::string, column_type> types_;
    std::map<std::string, double> max_missing_;
    std::optional<double> default_max_missing_;
    std::map<std::string, range> ranges_;
    std::map<std::string, std::vector<std::string>> allowed_;
    check_status schema_status_;
    check_status missing_status_;
    check_status range_status_;
    check_status allowed_status_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::rule_data_checker::config, required_columns, column_types, max_missing, min, max,
                        allowed_values, schema_status, missing_status, range_status, allowed_values_status);

static_assert(lolpop::data_checker<lolpop::rule_data_checker>);
