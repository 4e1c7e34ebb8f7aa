#pragma once
// lolpop::timeseries_runner — tabular_runner forecasting a numeric target `horizon` steps ahead
// of each row of a time-indexed table. Default perf_metric: rmse.
//
// The process step stores the table as it comes; the train and predict steps both turn it into
// forecast origins with lolpop::timeseries_features (lag and rolling-window features of the
// target, the other columns as observed at the origin, the target `horizon` steps later as the
// label), so features are computed identically at train and predict time. Bind
// time_ordered_splitter in the train pipeline: it keeps the rows in time order, so the model is
// validated and tested on the most recent part of the series, after the part it learned from.
//
// Predict data is featurized on its own: its first history() rows (what the longest lag or window
// looks back) serve as history only, the rest are forecast. The predictions file holds the time
// column, forecast_<time column> (the time forecast: the origin's time plus horizon steps of the
// series) and the forecast, named like the target. When the predict data holds later values of
// the target, the forecasts that have one are scored against it (ground truth).
#include <lolpop/core/error.hpp>
#include <lolpop/runners/tabular_runner.hpp>
#include <lolpop/runners/timeseries_features.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop {

struct timeseries_runner_config : tabular_runner_config {
    std::string time_column;                  // numbers, or ISO 8601 dates or date-times
    std::vector<double> lags = {1};           // whole numbers >= horizon, counted back from the time forecast
    std::vector<double> rolling_windows = {}; // whole numbers >= 2: mean and std of the latest values at the origin
    int horizon = 1;                          // how many steps after each row its forecast is for
};

struct timeseries_task {
    static constexpr std::string_view name = "timeseries_runner";
    static constexpr bool regression = true;
    static constexpr std::string_view default_metric = "rmse";
    using config = timeseries_runner_config;

    static timeseries_features rows(const config& c) {
        // The time column identifies each forecast already; an index equal to it would be removed twice.
        if (!c.model_index.empty() && c.model_index == c.time_column)
            throw error("model_index and time_column are both '" + c.time_column + "'; leave model_index empty",
                        "config.model_index");
        return timeseries_features(c.model_target, c.time_column, c.lags, c.rolling_windows, c.horizon);
    }
    static std::vector<std::pair<std::string, std::string>> required_columns(const config& c) {
        return {{"model_target", c.model_target}, {"model_index", c.model_index}, {"time_column", c.time_column}};
    }
};

template <class... Binds>
using timeseries_runner = tabular_runner<timeseries_task, Binds...>;

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::timeseries_runner_config, train_data, predict_data, model_target, model_index, model_name,
                        predictions_path, report_path, time_column, lags, rolling_windows, horizon);
