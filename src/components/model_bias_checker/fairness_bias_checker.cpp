#include <lolpop/components/model_bias_checker/fairness_bias_checker.hpp>

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lolpop {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ratio(std::size_t part, std::size_t whole) {
    return whole == 0 ? nan : static_cast<double>(part) / static_cast<double>(whole);
}

void check_difference_thresholds(double warn, double err, std::string_view metric) {
    if (!(warn >= 0 && warn <= err))
        throw error(fmt::format("{0}_warn ({1}) must be at least 0 and at most {0}_error ({2})", metric, warn, err),
                    fmt::format("fairness_bias_checker.{}_warn", metric));
}

std::string percent(double share) { return std::isnan(share) ? "undefined" : fmt::format("{:.1f}%", 100 * share); }

}  // namespace

fairness_bias_checker::fairness_bias_checker(const config& cfg, context&) : config_(cfg) {
    if (cfg.protected_attributes.empty())
        throw error("no protected attribute is named", "fairness_bias_checker.protected_attributes");
    for (const std::string& attribute : cfg.protected_attributes)
        if (!cfg.privileged_groups.contains(attribute))
            throw error(fmt::format("protected attribute '{}' has no privileged group", attribute),
                        "fairness_bias_checker.privileged_groups");
    for (const auto& [attribute, value] : cfg.privileged_groups)
        if (std::find(cfg.protected_attributes.begin(), cfg.protected_attributes.end(), attribute) ==
            cfg.protected_attributes.end())
            throw error(fmt::format("'{}' is not a protected attribute{}", attribute,
                                    did_you_mean(attribute, cfg.protected_attributes)),
                        "fairness_bias_checker.privileged_groups");
    check_difference_thresholds(cfg.statistical_parity_warn, cfg.statistical_parity_error, "statistical_parity");
    check_difference_thresholds(cfg.equal_opportunity_warn, cfg.equal_opportunity_error, "equal_opportunity");
    if (!(cfg.disparate_impact_error >= 0 && cfg.disparate_impact_error <= cfg.disparate_impact_warn &&
          cfg.disparate_impact_warn <= 1))
        throw error(fmt::format("disparate impact thresholds must satisfy 0 <= disparate_impact_error ({}) <= "
                                "disparate_impact_warn ({}) <= 1",
                                cfg.disparate_impact_error, cfg.disparate_impact_warn),
                    "fairness_bias_checker.disparate_impact_warn");
}

std::string fairness_bias_checker::favorable_label(const evaluation& e) const {
    const std::vector<std::string>& classes = e.proba.classes;
    if (config_.favorable_label.empty()) {
        if (e.problem != problem_type::binary || classes.size() != 2)
            throw error("a multiclass problem needs the favorable label named", "fairness_bias_checker.favorable_label");
        return classes[1];
    }
    if (!classes.empty() && std::find(classes.begin(), classes.end(), config_.favorable_label) == classes.end())
        throw error(fmt::format("favorable label '{}' is not one of the model's classes{}", config_.favorable_label,
                                did_you_mean(config_.favorable_label, classes)),
                    "fairness_bias_checker.favorable_label");
    return config_.favorable_label;
}

std::vector<group_fairness> fairness_bias_checker::measure(const evaluation& e) const {
    if (e.problem == problem_type::regression)
        throw error("fairness is measured on classifications, not on a regression", "fairness_bias_checker");
    const std::string favorable = favorable_label(e);
    const std::size_t rows = e.y_pred.size();
    if (e.y_true.size() != rows || e.X.rows() != rows)
        throw error(fmt::format("the evaluation has {} features rows, {} true and {} predicted labels", e.X.rows(),
                                e.y_true.size(), rows),
                    "fairness_bias_checker");

    std::vector<group_fairness> out;
    for (const std::string& attribute : config_.protected_attributes) {
        if (!e.X.has(attribute)) {
            const auto names = e.X.names();
            throw error(fmt::format("protected attribute '{}' is not a column of the {} data{}", attribute, e.part,
                                    did_you_mean(attribute, names)),
                        "fairness_bias_checker.protected_attributes");
        }
        const column& a = e.X[attribute];
        // [0] unprivileged, [1] privileged
        std::size_t members[2] = {0, 0}, favored[2] = {0, 0}, deserving[2] = {0, 0}, recognized[2] = {0, 0};
        const std::string& privileged = config_.privileged_groups.at(attribute);
        for (std::size_t i = 0; i < rows; ++i) {
            if (a.is_missing(i) || e.y_pred.is_missing(i)) continue;
            const std::size_t g = a.to_string(i) == privileged ? 1 : 0;
            const bool predicted = e.y_pred.to_string(i) == favorable;
            ++members[g];
            favored[g] += predicted;
            if (!e.y_true.is_missing(i) && e.y_true.to_string(i) == favorable) {
                ++deserving[g];
                recognized[g] += predicted;
            }
        }
        group_fairness f;
        f.attribute = attribute;
        f.privileged = privileged;
        f.unprivileged_rows = members[0];
        f.privileged_rows = members[1];
        f.unprivileged_rate = ratio(favored[0], members[0]);
        f.privileged_rate = ratio(favored[1], members[1]);
        f.statistical_parity_difference = f.unprivileged_rate - f.privileged_rate;
        // 0 / 0 is undefined; x / 0 is infinitely unfair to the privileged group.
        f.disparate_impact = favored[1] == 0 ? (favored[0] == 0 || members[1] == 0 ? nan : std::numeric_limits<double>::infinity())
                                             : f.unprivileged_rate / f.privileged_rate;
        f.equal_opportunity_difference = ratio(recognized[0], deserving[0]) - ratio(recognized[1], deserving[1]);
        out.push_back(std::move(f));
    }
    return out;
}

report fairness_bias_checker::check_model_bias(const evaluation& e) const {
    const std::vector<group_fairness> measures = measure(e);
    const std::string favorable = favorable_label(e);
    report r{"fairness bias check", {}};
    for (const group_fairness& f : measures) {
        const std::string groups =
            fmt::format("predicted '{}' for {} of the unprivileged group ({} other than '{}', {} rows) and {} of the "
                        "privileged group ({} = '{}', {} rows)",
                        favorable, percent(f.unprivileged_rate), f.attribute, f.privileged, f.unprivileged_rows,
                        percent(f.privileged_rate), f.attribute, f.privileged, f.privileged_rows);
        const auto add = [&](std::string_view metric, double value, check_status status, const std::string& limit) {
            const std::string subject = fmt::format("{}: {}", f.attribute, metric);
            if (std::isnan(value))
                r.findings.push_back({check_status::warn, subject, "undefined: " + groups});
            else
                r.findings.push_back({status, subject, fmt::format("{:.4f}{}: {}", value, limit, groups)});
        };
        const auto difference = [&](std::string_view metric, double value, double warn, double err) {
            const double size = std::abs(value);
            if (size > err)
                add(metric, value, check_status::error, fmt::format(", beyond the error threshold ±{}", err));
            else if (size > warn)
                add(metric, value, check_status::warn, fmt::format(", beyond the warn threshold ±{}", warn));
            else
                add(metric, value, check_status::ok, "");
        };
        difference("statistical_parity_difference", f.statistical_parity_difference, config_.statistical_parity_warn,
                   config_.statistical_parity_error);
        // A ratio is as unfair as its inverse: DI = 0.5 and DI = 2 are judged alike.
        const double di = f.disparate_impact, fairness = std::min(di, 1 / di);
        const auto outside = [](double t) { return fmt::format(", outside [{:.4g}, {:.4g}]", t, 1 / t); };
        if (fairness < config_.disparate_impact_error)
            add("disparate_impact", di, check_status::error, outside(config_.disparate_impact_error) + " (error)");
        else if (fairness < config_.disparate_impact_warn)
            add("disparate_impact", di, check_status::warn, outside(config_.disparate_impact_warn) + " (warn)");
        else
            add("disparate_impact", di, check_status::ok, "");
        difference("equal_opportunity_difference", f.equal_opportunity_difference, config_.equal_opportunity_warn,
                   config_.equal_opportunity_error);
    }
    return r;
}

}  // namespace lolpop
