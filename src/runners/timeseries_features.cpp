#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/time_points.hpp>
#include <lolpop/runners/timeseries_features.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace lolpop {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Whole numbers from `least` to a million (far more history than any series needs), each once,
// ascending.
std::vector<std::size_t> whole_numbers(const std::vector<double>& values, double least, const std::string& what,
                                       const std::string& setting) {
    std::set<std::size_t> out;
    for (double v : values) {
        if (!(v >= least && v <= 1e6) || v != std::floor(v))
            throw error(fmt::format("{} must be whole numbers from {} to 1000000, got {}", what, least, v), setting);
        if (!out.insert(static_cast<std::size_t>(v)).second)
            throw error(fmt::format("{} lists {} twice", what, v), setting);
    }
    return {out.begin(), out.end()};
}

void require_column(const frame& data, const std::string& name, const std::string& setting) {
    if (data.has(name)) return;
    const auto names = data.names();
    throw error(fmt::format("{} '{}' is not a column of the data{}", setting, name, did_you_mean(name, names)),
                "config." + setting);
}

// A generated column must not silently replace one of the data's own.
void add_new(frame& f, column c, const frame& data, const std::string& setting) {
    if (data.has(c.name()))
        throw error(fmt::format("the data already has a column '{}', the name of a generated feature", c.name()), setting);
    f.add(std::move(c));
}

// The most common interval between consecutive sorted times; the smallest on a tie.
double series_step(const time_points& times, const std::vector<std::size_t>& order) {
    std::map<double, std::size_t> counts;
    for (std::size_t i = 1; i < order.size(); ++i) ++counts[times[order[i]] - times[order[i - 1]]];
    return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

}  // namespace

timeseries_features::timeseries_features(std::string target, std::string time_column, const std::vector<double>& lags,
                                         const std::vector<double>& rolling_windows, int horizon)
    : target_(std::move(target)), time_column_(std::move(time_column)) {
    if (target_.empty()) throw error("model_target is not set", "config.model_target");
    if (time_column_.empty()) throw error("time_column is not set", "config.time_column");
    if (time_column_ == target_)
        throw error(fmt::format("time_column and model_target are both '{}'", target_), "config.time_column");
    if (horizon < 1) throw error(fmt::format("horizon must be at least 1 step, got {}", horizon), "config.horizon");
    horizon_ = static_cast<std::size_t>(horizon);
    lags_ = whole_numbers(lags, 1, "lags", "config.lags");
    windows_ = whole_numbers(rolling_windows, 2, "rolling_windows", "config.rolling_windows");
    for (std::size_t k : lags_) {
        if (k < horizon_)
            throw error(fmt::format("lag {} is below the horizon {}: it would read the target after the forecast origin "
                                    "(a lag counts back from the time forecast)",
                                    k, horizon_),
                        "config.lags");
        history_ = std::max(history_, k - horizon_);
    }
    for (std::size_t w : windows_) history_ = std::max(history_, w - 1);
}

model_rows timeseries_features::operator()(const frame& data) const {
    require_column(data, time_column_, "time_column");
    require_column(data, target_, "model_target");
    const column& target = data[target_];
    if (target.type() == column_type::categorical)
        throw error(fmt::format("model_target '{}' holds categories; a forecast needs numbers", target_), "config.model_target");

    const std::string time_where = fmt::format("config.time_column '{}'", time_column_);
    const time_points times(data[time_column_], time_where);
    const std::vector<std::size_t> order = times.order();
    const std::size_t n = order.size();
    for (std::size_t i = 1; i < n; ++i)
        if (times[order[i]] == times[order[i - 1]])
            throw error(fmt::format("rows {} and {} are at the same time '{}': a series has one row per time",
                                    std::min(order[i], order[i - 1]) + 1, std::max(order[i], order[i - 1]) + 1,
                                    data[time_column_].to_string(order[i])),
                        time_where);
    if (n < std::max<std::size_t>(history_ + 1, 2))
        throw error(fmt::format("{} rows are too few: the lags and rolling windows need {} rows of history before the first "
                                "row to forecast from, and the step of the series two rows",
                                n, history_),
                    "config.lags, config.rolling_windows");

    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = target.as_double(order[i]);
    const std::vector<std::size_t> origins(order.begin() + static_cast<std::ptrdiff_t>(history_), order.end());
    const std::size_t m = origins.size();

    model_rows out;
    for (const column& c : data.columns())
        if (c.name() != time_column_ && c.name() != target_) out.data.add(c.take(origins));

    for (std::size_t k : lags_) {
        std::vector<double> lagged(m);
        // k - horizon <= history, so the row read is never before the first.
        for (std::size_t j = 0; j < m; ++j) lagged[j] = y[history_ + j + horizon_ - k];
        add_new(out.data, column::numeric(fmt::format("{}_lag_{}", target_, k), std::move(lagged)), data, "config.lags");
    }
    for (std::size_t w : windows_) {
        std::vector<double> means(m), deviations(m);
        for (std::size_t j = 0; j < m; ++j) {
            const std::size_t t = history_ + j;
            double sum = 0;
            std::size_t count = 0;
            for (std::size_t i = t + 1 - w; i <= t; ++i)
                if (!std::isnan(y[i])) {
                    sum += y[i];
                    ++count;
                }
            const double mean = count > 0 ? sum / static_cast<double>(count) : missing;
            double squares = 0;
            for (std::size_t i = t + 1 - w; i <= t; ++i)
                if (!std::isnan(y[i])) squares += (y[i] - mean) * (y[i] - mean);
            means[j] = mean;
            deviations[j] = count > 1 ? std::sqrt(squares / static_cast<double>(count - 1)) : missing;
        }
        add_new(out.data, column::numeric(fmt::format("{}_mean_{}", target_, w), std::move(means)), data,
                "config.rolling_windows");
        add_new(out.data, column::numeric(fmt::format("{}_std_{}", target_, w), std::move(deviations)), data,
                "config.rolling_windows");
    }
    std::vector<double> label(m, missing);
    for (std::size_t j = 0; j < m; ++j)
        if (history_ + j + horizon_ < n) label[j] = y[history_ + j + horizon_];
    out.data.add(column::numeric(target_, std::move(label)));

    out.annotations.add(data[time_column_].take(origins));
    add_new(out.annotations,
            times.shifted(forecast_time_column(), origins, series_step(times, order) * static_cast<double>(horizon_)), data,
            "config.time_column");
    return out;
}

}  // namespace lolpop
