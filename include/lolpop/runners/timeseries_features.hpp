#pragma once
// lolpop::timeseries_features — the rows timeseries_runner's models learn from and score: each row
// of a series becomes a forecast origin, described by what is known at its time, and labeled with
// the target `horizon` steps later.
//
// The rows are put in time order first (the time column: numbers, or ISO 8601 dates or
// date-times; two rows at one time are an error). For the origin at sorted row t:
//   <target>_lag_<k>     the target at row t + horizon - k: k steps before the time forecast, so
//                        every lag is at least the horizon and lag == horizon is row t's own value;
//   <target>_mean_<w>,   mean and sample standard deviation of the target at rows t-w+1 .. t, the
//   <target>_std_<w>     w latest values known at the origin (missing values are skipped; no
//                        value gives a missing mean, fewer than two a missing deviation);
//   the other columns    the origin row's values (observations made at time t), except the time;
//   <target>             the label: the target at row t + horizon, missing for the last horizon rows.
// No feature reads the target after row t, so no feature ever holds the label it is used to
// predict. A row is an origin only once the `history()` rows before it exist: the first rows of
// any data (the training data, and the predict data as well) serve as history only. Predict data
// must therefore start history() steps before the first time to forecast from; it is featurized
// on its own, exactly as the training data was.
//
// Annotations: the time column and forecast_<time column>, the time each label is for: the
// origin's time plus horizon steps, a step being the series' most common interval between
// consecutive rows.
#include <lolpop/pipelines/model_rows.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace lolpop {

class timeseries_features {
public:
    // Throws lolpop::error naming the setting (config.time_column, config.lags, ...) for an empty
    // time column or target, a horizon below 1, a lag or window that is not a whole number, a lag
    // below the horizon, a window below 2, or a value listed twice.
    timeseries_features(std::string target, std::string time_column, const std::vector<double>& lags,
                        const std::vector<double>& rolling_windows, int horizon);

    // Throws lolpop::error for a missing time or target column, a categorical target, a bad or
    // repeated time, or fewer rows than history() + 1.
    model_rows operator()(const frame& data) const;

    // The rows before the first forecast origin: what the longest lag and window look back.
    std::size_t history() const noexcept { return history_; }
    // The annotation column holding the time forecast.
    std::string forecast_time_column() const { return "forecast_" + time_column_; }

private:
    std::string target_;
    std::string time_column_;
    std::vector<std::size_t> lags_;
    std::vector<std::size_t> windows_;
    std::size_t horizon_;
    std::size_t history_ = 0;
};

}  // namespace lolpop
