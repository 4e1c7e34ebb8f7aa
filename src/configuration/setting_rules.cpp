#include <lolpop/configuration/setting_rules.hpp>

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace lolpop {

namespace {

std::string quoted(allowed_names names) {
    std::string out;
    for (std::string_view n : names) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", n);
    return out;
}

}  // namespace

bool in_setting_range(double value, const setting_range& range) noexcept {
    const bool above = range.low_open ? value > range.low : value >= range.low;
    const bool below = range.high_open ? value < range.high : value <= range.high;
    return above && below;  // false for NaN too
}

bool setting_sum_holds(double total, double equals) noexcept {
    return std::abs(total - equals) <= 1e-9 * std::max(1.0, std::abs(equals));
}

void check_setting_in_range(double value, const setting_range& range, std::string_view path) {
    if (in_setting_range(value, range)) return;
    throw error(fmt::format("{} = {} is outside its range {}", path, value, range.text), "settings");
}

void check_setting_is_one_of(std::string_view value, allowed_names allowed, std::string_view path) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    const std::vector<std::string_view> names(allowed);
    throw error(fmt::format("{} = '{}' is not one of {}{}", path, value, quoted(allowed), did_you_mean(value, names)), "settings");
}

void check_setting_keys(const setting_lists& lists, allowed_names keys, std::string_view component, std::string_view path) {
    const std::vector<std::string_view> names(keys);
    for (const auto& entry : lists)
        if (std::find(keys.begin(), keys.end(), entry.first) == keys.end())
            throw error(fmt::format("'{}' in {} is not a setting of {}{}", entry.first, path, component, did_you_mean(entry.first, names)),
                        "settings");
}

void check_setting_sum(std::initializer_list<double> values, double equals, std::string_view terms, std::string_view path) {
    double total = 0;
    for (double v : values) total += v;
    if (setting_sum_holds(total, equals)) return;
    throw error(fmt::format("{}: {} must sum to {}, but sum to {}", path, terms, equals, total), "settings");
}

}  // namespace lolpop
