#include <lolpop/components/data_profiler/summary_data_profiler.hpp>

#include "detail/check_status_setting.hpp"

#include <lolpop/analysis/column_profile.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <map>

namespace lolpop {
namespace {

std::string percent(double fraction) { return fmt::format("{:.3g}%", 100.0 * fraction); }

std::string describe(const column_profile& p) {
    std::string out = fmt::format("{}, {} values, {} missing", to_string(p.type), p.count, p.missing);
    if (p.missing > 0) out += fmt::format(" ({})", percent(p.missing_fraction()));
    if (p.count == 0) return out;
    out += fmt::format("; {} distinct", p.distinct);
    if (p.numeric) {
        const auto& s = *p.numeric;
        out += fmt::format("; mean {:.4g}, std {:.4g}, min {:.4g}, 25% {:.4g}, 50% {:.4g}, 75% {:.4g}, max {:.4g}", s.mean,
                           s.stddev, s.min, s.q25, s.median, s.q75, s.max);
        out += fmt::format("; histogram of {} bins from {:.4g} to {:.4g}:", p.histogram.size(), p.histogram.front().lower,
                           p.histogram.back().upper);
        for (const auto& b : p.histogram) out += fmt::format(" {}", b.count);
    } else if (!p.top_values.empty()) {
        out += "; top";
        for (std::size_t i = 0; i < p.top_values.size(); ++i)
            out += fmt::format("{} {} ({})", i ? "," : "", p.top_values[i].value, p.top_values[i].count);
    }
    return out;
}

// "mean 14.1 -> 13.9, missing 0% -> 1.4%, distinct 456 -> 69"
std::string shift(const column_profile& before, const column_profile& after) {
    std::string out;
    if (before.numeric && after.numeric) out += fmt::format("mean {:.4g} -> {:.4g}, ", before.numeric->mean, after.numeric->mean);
    out += fmt::format("missing {} -> {}, distinct {} -> {}", percent(before.missing_fraction()),
                       percent(after.missing_fraction()), before.distinct, after.distinct);
    return out;
}

frame without(const frame& data, const std::vector<std::string>& ignored) {
    std::vector<std::string> present;
    for (const auto& name : ignored)
        if (data.has(name)) present.push_back(name);
    return data.drop(present);
}

}  // namespace

summary_data_profiler::summary_data_profiler(const config& cfg, context&)
    : config_(cfg),
      drift_{cfg.psi_bins, cfg.psi_warn, cfg.psi_error, cfg.ks_p_value_warn, cfg.ks_p_value_error},
      schema_change_status_(detail::parse_violation_status(cfg.schema_change_status, "summary_data_profiler.schema_change_status")) {
    if (cfg.histogram_bins < 1)
        throw error(fmt::format("histogram_bins must be at least 1, got {}", cfg.histogram_bins),
                    "summary_data_profiler.histogram_bins");
    if (cfg.top_values < 0)
        throw error(fmt::format("top_values cannot be negative, got {}", cfg.top_values), "summary_data_profiler.top_values");
    check_drift_thresholds(drift_, name);
}

report summary_data_profiler::profile_data(const frame& data) const {
    report out{"data profile", {}};
    out.findings.push_back({check_status::ok, "data", fmt::format("{} rows, {} columns", data.rows(), data.cols())});
    for (const column_profile& p : profile_columns(data, config_.histogram_bins, config_.top_values))
        out.findings.push_back({check_status::ok, p.name, describe(p)});
    return out;
}

report summary_data_profiler::compare_data(const frame& reference, const frame& current) const {
    if (reference.rows() == 0 || current.rows() == 0)
        throw error(fmt::format("cannot compare data: the {} data has no rows", reference.rows() == 0 ? "reference" : "current"),
                    std::string(name));
    const frame before = without(reference, config_.ignore_columns);
    const frame after = without(current, config_.ignore_columns);
    report out{"data comparison", {}};
    out.findings.push_back({check_status::ok, "rows", fmt::format("{} -> {}", reference.rows(), current.rows())});

    for (const column& c : before.columns()) {
        if (!after.has(c.name())) {
            out.findings.push_back({schema_change_status_, c.name(), fmt::format("removed (was {})", to_string(c.type()))});
            continue;
        }
        const column_type now = after[c.name()].type();
        if (now == c.type()) continue;
        // Integer and numeric are both numbers: a version whose values happen to be whole is no
        // change of meaning.
        const bool kind_changed = (now == column_type::categorical) != (c.type() == column_type::categorical);
        out.findings.push_back({kind_changed ? schema_change_status_ : check_status::ok, c.name(),
                                fmt::format("type changed from {} to {}", to_string(c.type()), to_string(now))});
    }
    for (const column& c : after.columns())
        if (!before.has(c.name()))
            out.findings.push_back({check_status::ok, c.name(), fmt::format("added ({})", to_string(c.type()))});

    // Ignoring every column leaves nothing to measure.
    if (before.cols() == 0 || after.cols() == 0) return out;
    std::map<std::string, column_profile> profiles_before, profiles_after;
    for (auto& p : profile_columns(before, config_.histogram_bins, config_.top_values)) profiles_before[p.name] = std::move(p);
    for (auto& p : profile_columns(after, config_.histogram_bins, config_.top_values)) profiles_after[p.name] = std::move(p);
    for (finding& f : drift_report(before, after, drift_).findings) {
        f.message = shift(profiles_before.at(f.subject), profiles_after.at(f.subject)) + "; " + f.message;
        out.findings.push_back(std::move(f));
    }
    return out;
}

}  // namespace lolpop
