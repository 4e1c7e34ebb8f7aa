#include <lolpop/components/data_checker/rule_data_checker.hpp>

#include "detail/check_status_setting.hpp"
#include "detail/parse_number.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <range/v3/view/take.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace lolpop {
namespace {

std::string setting(std::string_view key, std::string_view column = {}) {
    std::string out = fmt::format("rule_data_checker.{}", key);
    if (!column.empty()) out += fmt::format(".{}", column);
    return out;
}

double number_setting(std::string_view key, const std::string& column, const std::string& text) {
    const auto v = detail::parse_double(text);
    if (!v || std::isnan(*v)) throw error(fmt::format("'{}' is not a number", text), setting(key, column));
    return *v;
}

std::vector<std::string> split_labels(const std::string& column, const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = text.find(',', start);
        const std::string_view label =
            detail::trim_blanks(std::string_view(text).substr(start, comma == std::string::npos ? comma : comma - start));
        if (label.empty())
            throw error(fmt::format("'{}' holds an empty value; list the allowed values separated by commas", text),
                        setting("allowed_values", column));
        out.emplace_back(label);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string percent(double fraction) { return fmt::format("{:.3g}%", 100.0 * fraction); }

}  // namespace

rule_data_checker::rule_data_checker(const config& cfg, context&)
    : required_(cfg.required_columns),
      schema_status_(detail::parse_violation_status(cfg.schema_status, setting("schema_status"))),
      missing_status_(detail::parse_violation_status(cfg.missing_status, setting("missing_status"))),
      range_status_(detail::parse_violation_status(cfg.range_status, setting("range_status"))),
      allowed_status_(detail::parse_violation_status(cfg.allowed_values_status, setting("allowed_values_status"))) {
    for (const auto& [column, type] : cfg.column_types)
        types_.emplace(column, parse_column_type(type, setting("column_types", column)));
    for (const auto& [column, text] : cfg.max_missing) {
        const double fraction = number_setting("max_missing", column, text);
        if (fraction < 0.0 || fraction > 1.0)
            throw error(fmt::format("a fraction of missing values must be between 0 and 1, got {}", text),
                        setting("max_missing", column));
        if (column == "*")
            default_max_missing_ = fraction;
        else
            max_missing_.emplace(column, fraction);
    }
    for (const auto& [column, text] : cfg.min) ranges_[column].min = number_setting("min", column, text);
    for (const auto& [column, text] : cfg.max) ranges_[column].max = number_setting("max", column, text);
    for (const auto& [column, r] : ranges_)
        if (r.min && r.max && *r.min > *r.max)
            throw error(fmt::format("min {} is above max {}", *r.min, *r.max), setting("min", column));
    for (const auto& [column, text] : cfg.allowed_values) allowed_.emplace(column, split_labels(column, text));
}

report rule_data_checker::check_data(const frame& data) const {
    report out{"data checks", {}};
    const std::vector<std::string> names = data.names();

    // Every column a rule names, with the settings that name it, so that an absent column is
    // reported once.
    std::map<std::string, std::vector<std::string_view>> named;
    for (const auto& c : required_) named[c].push_back("required_columns");
    for (const auto& [c, t] : types_) named[c].push_back("column_types");
    for (const auto& [c, f] : max_missing_) named[c].push_back("max_missing");
    for (const auto& [c, r] : ranges_) {
        if (r.min) named[c].push_back("min");
        if (r.max) named[c].push_back("max");
    }
    for (const auto& [c, v] : allowed_) named[c].push_back("allowed_values");
    for (const auto& [c, settings] : named)
        if (!data.has(c))
            out.findings.push_back({schema_status_, c,
                                    fmt::format("column is missing (named in {}){}", fmt::join(settings, ", "),
                                                did_you_mean(c, names))});
    for (const auto& c : required_)
        if (data.has(c)) out.findings.push_back({check_status::ok, c, "required column is present"});

    for (const auto& [c, wanted] : types_) {
        if (!data.has(c)) continue;
        const column_type actual = data[c].type();
        const bool ok = actual == wanted || (wanted == column_type::numeric && actual == column_type::integer);
        out.findings.push_back({ok ? check_status::ok : schema_status_, c,
                                ok ? fmt::format("type {} as required", to_string(actual))
                                   : fmt::format("type is {}, expected {}", to_string(actual), to_string(wanted))});
    }

    for (const column& c : data.columns()) {
        const auto own = max_missing_.find(c.name());
        const std::optional<double> limit = own != max_missing_.end() ? own->second : default_max_missing_;
        if (!limit) continue;
        const std::size_t missing = c.missing_count();
        const double fraction = c.size() == 0 ? 0.0 : static_cast<double>(missing) / static_cast<double>(c.size());
        const bool ok = fraction <= *limit;
        out.findings.push_back({ok ? check_status::ok : missing_status_, c.name(),
                                fmt::format("{} of {} values missing ({}), {} {} allowed", missing, c.size(), percent(fraction),
                                            ok ? "within the" : "more than the", percent(*limit))});
    }

    for (const auto& [name, r] : ranges_) {
        if (!data.has(name)) continue;
        const column& c = data[name];
        const std::string bounds = fmt::format("range [{}, {}]", r.min ? fmt::format("{}", *r.min) : "-inf",
                                               r.max ? fmt::format("{}", *r.max) : "inf");
        if (c.type() == column_type::categorical) {
            out.findings.push_back({schema_status_, name, fmt::format("{} needs a numeric or integer column, not categorical", bounds)});
            continue;
        }
        std::size_t below = 0, above = 0, checked = 0;
        double lowest = 0, highest = 0;
        for (const std::size_t row : views::present_rows(c)) {
            const double v = c.as_double(row);
            if (checked++ == 0) lowest = highest = v;
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
            if (r.min && v < *r.min) ++below;
            if (r.max && v > *r.max) ++above;
        }
        if (below == 0 && above == 0) {
            out.findings.push_back({check_status::ok, name, fmt::format("{}: all {} values inside", bounds, checked)});
            continue;
        }
        std::vector<std::string> problems;
        if (below > 0) problems.push_back(fmt::format("{} below {} (lowest {})", below, *r.min, lowest));
        if (above > 0) problems.push_back(fmt::format("{} above {} (highest {})", above, *r.max, highest));
        out.findings.push_back({range_status_, name, fmt::format("{}: {} of {} values outside: {}", bounds, below + above, checked,
                                                                  fmt::join(problems, ", "))});
    }

    for (const auto& [name, labels] : allowed_) {
        if (!data.has(name)) continue;
        const column& c = data[name];
        const std::set<std::string, std::less<>> allowed(labels.begin(), labels.end());
        std::map<std::string, std::size_t> disallowed;
        for (const std::size_t row : views::present_rows(c)) {
            std::string value = c.to_string(row);
            if (!allowed.contains(value)) disallowed[std::move(value)] += 1;
        }
        if (disallowed.empty()) {
            out.findings.push_back({check_status::ok, name, fmt::format("every value is one of {}", fmt::join(labels, ", "))});
            continue;
        }
        std::vector<std::pair<std::string, std::size_t>> worst(disallowed.begin(), disallowed.end());
        std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        std::size_t total = 0;
        for (const auto& [value, n] : worst) total += n;
        std::vector<std::string> listed;
        for (const auto& [value, n] : worst | ranges::views::take(5)) listed.push_back(fmt::format("'{}' ({})", value, n));
        if (worst.size() > 5) listed.push_back(fmt::format("{} more", worst.size() - 5));
        out.findings.push_back({allowed_status_, name,
                                fmt::format("{} {} not among {}: {}", total, total == 1 ? "value" : "values",
                                            fmt::join(labels, ", "), fmt::join(listed, ", "))});
    }
    return out;
}

}  // namespace lolpop
