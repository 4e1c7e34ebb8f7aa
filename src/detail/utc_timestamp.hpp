#pragma once
// The one timestamp format lolpop's local stores and loggers write: ISO 8601 in UTC with
// milliseconds ("2026-11-29T13:00:00.123Z"), so that records sort as text and read the same
// in every time zone.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <string>

namespace lolpop::detail {

inline std::string utc_timestamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto seconds_part = time_point_cast<seconds>(now);
    const auto millis = duration_cast<milliseconds>(now - seconds_part).count();
    const std::time_t t = system_clock::to_time_t(seconds_part);
    std::tm utc{};
    gmtime_r(&t, &utc);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", utc, millis);
}

}  // namespace lolpop::detail
