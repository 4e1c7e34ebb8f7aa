#include <lolpop/core/error.hpp>
#include <lolpop/data/time_points.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>

namespace lolpop {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

struct parsed_time {
    std::int64_t seconds;
    bool date_only;
};

// `count` decimal digits at `at`, or nothing.
std::optional<int> digits(std::string_view s, std::size_t at, std::size_t count) {
    if (at + count > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

std::optional<parsed_time> parse_iso(std::string_view s) {
    // Z (UTC) belongs to a date-time only.
    const bool utc = !s.empty() && s.back() == 'Z';
    if (utc) s.remove_suffix(1);
    const auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    if (!y || !mo || !d || s[4] != '-' || s[7] != '-') return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*mo)},
                                           std::chrono::day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    const std::int64_t day = std::chrono::sys_days{date}.time_since_epoch().count();
    if (s.size() == 10) return utc ? std::nullopt : std::optional<parsed_time>({day * seconds_per_day, true});

    if (s.size() != 16 && s.size() != 19) return std::nullopt;
    if ((s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
    const auto h = digits(s, 11, 2), mi = digits(s, 14, 2);
    std::optional<int> sec = 0;
    if (s.size() == 19) sec = s[16] == ':' ? digits(s, 17, 2) : std::nullopt;
    if (!h || !mi || !sec || *h > 23 || *mi > 59 || *sec > 59) return std::nullopt;
    return parsed_time{day * seconds_per_day + *h * 3600 + *mi * 60 + *sec, false};
}

std::string format_iso(std::int64_t seconds, bool date_only) {
    const std::int64_t day = seconds >= 0 ? seconds / seconds_per_day : -((-seconds + seconds_per_day - 1) / seconds_per_day);
    const std::int64_t of_day = seconds - day * seconds_per_day;
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
    const std::string ymd = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                                        static_cast<unsigned>(date.day()));
    if (date_only) return ymd;
    return fmt::format("{}T{:02}:{:02}:{:02}", ymd, of_day / 3600, of_day / 60 % 60, of_day % 60);
}

}  // namespace

time_points::time_points(const column& times, std::string_view where) : type_(times.type()) {
    values_.reserve(times.size());
    for (std::size_t r = 0; r < times.size(); ++r) {
        if (times.is_missing(r)) throw error("the time is missing", fmt::format("{}, row {}", where, r + 1));
        if (type_ != column_type::categorical) {
            values_.push_back(times.as_double(r));
            continue;
        }
        const std::string text = times.to_string(r);
        const auto t = parse_iso(text);
        if (!t)
            throw error(fmt::format("'{}' is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SS)", text),
                        fmt::format("{}, row {}", where, r + 1));
        dates_only_ = dates_only_ && t->date_only;
        values_.push_back(static_cast<double>(t->seconds));
    }
}

std::vector<std::size_t> time_points::order() const {
    std::vector<std::size_t> rows(values_.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return values_[a] < values_[b]; });
    return rows;
}

column time_points::shifted(std::string name, std::span<const std::size_t> rows, double offset) const {
    switch (type_) {
        case column_type::numeric: {
            std::vector<double> out;
            out.reserve(rows.size());
            for (std::size_t r : rows) out.push_back(values_[r] + offset);
            return column::numeric(std::move(name), std::move(out));
        }
        case column_type::integer: {
            std::vector<std::int64_t> out;
            out.reserve(rows.size());
            for (std::size_t r : rows) out.push_back(std::llround(values_[r] + offset));
            return column::integer(std::move(name), std::move(out));
        }
        case column_type::categorical: break;
    }
    const auto whole_offset = std::llround(offset);
    const bool date_only = dates_only_ && whole_offset % seconds_per_day == 0;
    std::vector<std::optional<std::string>> out;
    out.reserve(rows.size());
    for (std::size_t r : rows) out.emplace_back(format_iso(static_cast<std::int64_t>(values_[r]) + whole_offset, date_only));
    return column::categorical(std::move(name), out);
}

}  // namespace lolpop
