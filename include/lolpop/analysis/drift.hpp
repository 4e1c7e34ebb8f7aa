#pragma once
// Drift between a reference frame (the data a model was trained on, a dataset's previous version)
// and a current one: the population stability index of every column and, for numeric and integer
// columns, the two-sample Kolmogorov-Smirnov test.
//
// PSI = sum over bins of (current - reference) * ln(current / reference), where each term is the
// fraction of that frame's rows in the bin, floored at 1e-4 so that an empty bin counts without
// dividing by zero. Numeric and integer columns are binned at the reference's quantiles (edges at
// k / psi_bins, duplicate edges merged, each bin (lower, upper]); other columns bin by label.
// Missing values are one more bin, so a change in the missing rate is drift too.
//
// The KS p-value is exact for samples of at most 10000 values each (the null distribution of the
// statistic, counted over all orders of the merged samples, as scipy.stats.ks_2samp's default
// method does) and Kolmogorov's asymptotic distribution with Stephens' small-sample correction
// beyond that.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

// A threshold of 0 never fires.
struct drift_thresholds {
    int psi_bins = 10;               // quantile bins of the reference for numeric PSI
    double psi_warn = 0.1;           // a PSI at or above this warns
    double psi_error = 0.0;          // a PSI at or above this is an error
    double ks_p_value_warn = 0.05;   // a KS p-value below this warns
    double ks_p_value_error = 0.0;   // a KS p-value below this is an error
};

// Throws lolpop::error naming "<where>.<member>" unless psi_bins >= 2, the PSI thresholds are
// not negative, the p-values are in [0, 1], and each error threshold is at least as far out as
// its warning threshold (when both are set).
void check_drift_thresholds(const drift_thresholds& t, std::string_view where);

struct ks_result {
    double statistic = 0;  // the largest distance between the two empirical distributions
    double p_value = 1;
};

// NaN values are ignored. Throws lolpop::error when either sample has no other values.
ks_result ks_two_sample(std::span<const double> reference, std::span<const double> current);

// The PSI of one column; `bins` as drift_thresholds::psi_bins. Throws lolpop::error when either
// column is empty or bins < 2.
double population_stability_index(const column& reference, const column& current, int bins);

struct column_drift {
    std::string column;
    double psi = 0;
    std::optional<ks_result> ks;  // when both columns are numeric or integer and hold values
    check_status status = check_status::ok;
};

// Every column of `reference` that `current` also has, in the reference's order (schema changes
// are compare_data's business). Throws lolpop::error when either frame has no rows.
std::vector<column_drift> measure_drift(const frame& reference, const frame& current, const drift_thresholds& t);

// measure_drift as a report titled "data drift": one finding per column, subject the column.
report drift_report(const frame& reference, const frame& current, const drift_thresholds& t);

}  // namespace lolpop
