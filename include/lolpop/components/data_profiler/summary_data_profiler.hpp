#pragma once
// summary_data_profiler — describes every column of a frame, and what changed between two
// versions of a dataset.
//
// profile_data: a report titled "data profile": one finding for the frame (rows, columns), then
// one per column with the statistics of lolpop::profile_columns (count, missing, mean, std,
// quantiles, distinct values, top values, histogram). All findings are ok.
//
// compare_data(reference, current): a report titled "data comparison": one finding for the row
// counts, one per removed, added or retyped column, and one per common column with the shift of
// its mean, missing rate and distinct count and its drift (lolpop::measure_drift: PSI for every
// column, Kolmogorov-Smirnov for numeric and integer ones). A removed column, or one that turned
// from categorical to numeric or back, gets `schema_change_status`; a drifting column gets the
// status its thresholds give; everything else is ok. offline_process compares a dataset with its
// previous version, offline_predict new data with the data the model was trained on.
//
// Settings
//   histogram_bins         bins of each numeric column's histogram (>= 1)
//   top_values             most frequent values listed per column (>= 0)
//   ignore_columns         columns compare_data leaves out, e.g. an index or the target that
//                          prediction data lacks
//   schema_change_status   "warn" or "error"
//   psi_bins, psi_warn, psi_error, ks_p_value_warn, ks_p_value_error
//                          as lolpop::drift_thresholds; a threshold of 0 never fires, so by default
//                          drift warns and never stops a workflow
#include <lolpop/concepts/data_profiler.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/analysis/drift.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class summary_data_profiler {
public:
    struct config {
        int histogram_bins = 10;
        int top_values = 5;
        std::vector<std::string> ignore_columns;
        std::string schema_change_status = "warn";
        int psi_bins = 10;
        double psi_warn = 0.1;
        double psi_error = 0.0;
        double ks_p_value_warn = 0.05;
        double ks_p_value_error = 0.0;
    };
    static constexpr std::string_view name = "summary_data_profiler";

    // Throws lolpop::error naming the setting for bins or top_values out of range, an unknown
    // status, or drift thresholds check_drift_thresholds rejects.
    summary_data_profiler(const config& cfg, context& ctx);

    report profile_data(const frame& data) const;
    // Throws lolpop::error when either frame has no rows.
    report compare_data(const frame& reference, const frame& current) const;

private:
    config config_;
    drift_thresholds drift_;
    check_status schema_change_status_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::summary_data_profiler::config, histogram_bins, top_values, ignore_columns,
                        schema_change_status, psi_bins, psi_warn, psi_error, ks_p_value_warn, ks_p_value_error);

static_assert(lolpop::data_profiler<lolpop::summary_data_profiler>);
