#pragma once
// baseline_model_checker — does the model beat what a model that ignores the features scores?
//
// The baseline is built from the training part of the same split and scored on the same test
// rows as the model: for classification it always predicts the training majority class (the
// first class in class order on a tie) with the training class frequencies as its probabilities;
// for regression it always predicts the training mean. Each compared metric must beat the
// baseline's, in the metric's direction, by at least a margin (in the metric's own units):
//   improvement < error_margin   error (stops training)
//   improvement < warn_margin    warn
// where improvement is model - baseline for metrics where higher is better and baseline - model
// for the others. A metric undefined for either (NaN, such as roc_auc on a test part with one
// class) cannot be compared and is a warning.
//
// The comparison with the currently deployed model on the same test rows is not this checker's
// job: the train pipeline does it (champion/challenger) for every model checker.
#include <lolpop/concepts/model_checker.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>
#include <lolpop/core/split.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class baseline_model_checker {
public:
    struct config {
        // Empty: accuracy, roc_auc, pr_auc (binary) and log_loss for classification; rmse, mae
        // and r2 for regression. Precision, recall and f1 are left out by default because a
        // constant prediction scores 0 or 1 on them, which is no bar to clear.
        std::vector<std::string> metrics = {};
        double warn_margin = 0.01;
        double error_margin = 0.0;
    };
    static constexpr std::string_view name = "baseline_model_checker";

    // Throws lolpop::error naming the setting for an unknown metric or error_margin above
    // warn_margin.
    baseline_model_checker(const config& cfg, context& ctx);

    // Throws lolpop::error when a listed metric is not computed for the evaluation's problem,
    // when a classification evaluation has no class probabilities or the training part no labels.
    report check_model(const data_split& split, const evaluation& e) const;

private:
    config config_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::baseline_model_checker::config, metrics, warn_margin, error_margin);

static_assert(lolpop::model_checker<lolpop::baseline_model_checker>);
