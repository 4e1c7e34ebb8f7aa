#pragma once
// fairness_bias_checker — group fairness of a classifier's test predictions, per protected
// attribute, as IBM's AIF360 defines it.
//
// For each attribute, the privileged group is the rows whose value (as text) is the one given in
// privileged_groups; the unprivileged group is every other row with a value (rows where the
// attribute is missing belong to neither). With "favorable" the favorable_label:
//   statistical_parity_difference = P(pred favorable | unprivileged) - P(pred favorable | privileged)
//   disparate_impact              = P(pred favorable | unprivileged) / P(pred favorable | privileged)
//   equal_opportunity_difference  = TPR(unprivileged) - TPR(privileged),
//                                   TPR = P(pred favorable | truly favorable)
// 0, 1 and 0 are fair. A difference whose size exceeds its *_warn / *_error threshold warns /
// errs; disparate impact is judged by min(DI, 1/DI), so 0.8 flags both DI < 0.8 and DI > 1.25
// (the four-fifths rule, in either direction). A metric with an empty denominator (no rows in a
// group, no favorable prediction in the privileged group for DI, no truly favorable row for
// TPR) is undefined and a warning.
#include <lolpop/concepts/model_bias_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

// The three measures for one protected attribute; NaN where undefined.
struct group_fairness {
    std::string attribute;
    std::string privileged;          // the privileged value
    std::size_t privileged_rows = 0;
    std::size_t unprivileged_rows = 0;
    double privileged_rate = 0;      // share predicted favorable
    double unprivileged_rate = 0;
    double statistical_parity_difference = 0;
    double disparate_impact = 0;
    double equal_opportunity_difference = 0;
};

class fairness_bias_checker {
public:
    struct config {
        std::vector<std::string> protected_attributes = {};
        // attribute -> its privileged value, one for every protected attribute.
        std::map<std::string, std::string> privileged_groups = {};
        // "" = the positive class of a binary problem; multiclass problems must name one.
        std::string favorable_label = "";
        double statistical_parity_warn = 0.1;
        double statistical_parity_error = 0.2;
        double disparate_impact_warn = 0.8;
        double disparate_impact_error = 0.6;
        double equal_opportunity_warn = 0.1;
        double equal_opportunity_error = 0.2;
    };
    static constexpr std::string_view name = "fairness_bias_checker";

    // Throws lolpop::error naming the setting when no attribute is protected, an attribute has no
    // privileged group (or a group names no protected attribute), or the thresholds are out of
    // order: 0 <= *_warn <= *_error for the differences, 0 <= disparate_impact_error <=
    // disparate_impact_warn <= 1.
    fairness_bias_checker(const config& cfg, context& ctx);

    // Throws lolpop::error for a regression evaluation, a protected attribute that is not a
    // column of e.X, or a favorable label that is not one of the model's classes.
    report check_model_bias(const evaluation& e) const;

    // The measures behind the report, one per protected attribute, same errors.
    std::vector<group_fairness> measure(const evaluation& e) const;

private:
    std::string favorable_label(const evaluation& e) const;

    config config_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::fairness_bias_checker::config, protected_attributes, privileged_groups,
                        favorable_label, statistical_parity_warn, statistical_parity_error, disparate_impact_warn,
                        disparate_impact_error, equal_opportunity_warn, equal_opportunity_error);

static_assert(lolpop::model_bias_checker<lolpop::fairness_bias_checker>);
