#pragma once
// The metrics lolpop knows by name, and the functions that compute them. Every value agrees with
// scikit-learn's function of the same name (to 1e-9, tested against reference values it computed);
// where scikit-learn raises because a metric is undefined (no rows, a single class for an AUC),
// these return NaN so that one undefined metric does not abort a whole evaluation.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/resources.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

enum class metric_direction { higher_is_better, lower_is_better };

struct metric_info {
    std::string_view name;
    metric_direction direction;
    bool needs_probabilities;  // computed from class probabilities rather than predicted labels
    bool classification;       // reported for binary and multiclass problems
    bool regression;           // reported for regression problems
    bool binary_only = false;  // a classification metric of two classes only (pr_auc)
};

// accuracy, precision, recall, f1, roc_auc, pr_auc, log_loss, mse, rmse, mae, mape, r2.
std::span<const metric_info> metric_catalogue();
// Throws lolpop::error "unknown metric 'x' (did you mean 'y'?)".
const metric_info& find_metric(std::string_view name);
// Whether `candidate` strictly improves on `incumbent`. NaN (undefined) never improves on
// anything, and anything defined improves on NaN.
bool is_better(const metric_info& metric, double candidate, double incumbent);

// Classification metrics on class indices. The binary ones take class 1 as the positive class;
// the macro ones average over the classes present in y_true or y_pred, as scikit-learn does.
// A ratio whose denominator is zero (no predicted positives for precision) is 0, like
// scikit-learn's zero_division default.
double accuracy(std::span<const int> y_true, std::span<const int> y_pred);
double precision(std::span<const int> y_true, std::span<const int> y_pred);
double recall(std::span<const int> y_true, std::span<const int> y_pred);
double f1(std::span<const int> y_true, std::span<const int> y_pred);
double precision_macro(std::span<const int> y_true, std::span<const int> y_pred);
double recall_macro(std::span<const int> y_true, std::span<const int> y_pred);
double f1_macro(std::span<const int> y_true, std::span<const int> y_pred);

// Area under the ROC curve of `score` for the positive class 1; tied scores count half, as
// scikit-learn's roc_auc_score. NaN when y_true holds a single class.
double roc_auc(std::span<const int> y_true, std::span<const double> score);
// One-vs-rest AUC of each class k against column k of the row-major `probabilities` (k columns),
// averaged over the classes; scikit-learn's roc_auc_score(multi_class="ovr", average="macro").
// A class absent from y_true has no AUC and is left out of the average.
double roc_auc_ovr_macro(std::span<const int> y_true, std::span<const double> probabilities, std::size_t k);
// Average precision of `score` for the positive class 1 (scikit-learn's
// average_precision_score, the step-wise area under the precision-recall curve). NaN when
// y_true has no positive.
double pr_auc(std::span<const int> y_true, std::span<const double> score);
// Mean negative log-likelihood of the true class under the row-major `probabilities` (k columns),
// each clipped to [eps, 1 - eps] with eps = DBL_EPSILON and each row renormalized, as
// scikit-learn's log_loss does for float64 input. A y_true outside [0, k) is a class the model
// does not know: its probability is 0, clipped to eps.
double log_loss(std::span<const int> y_true, std::span<const double> probabilities, std::size_t k);

// Regression metrics. mape divides by max(|y_true|, DBL_EPSILON) like scikit-learn; r2 is 1 for
// a perfect fit of a constant target and 0 for an imperfect one (scikit-learn's force_finite).
double mse(std::span<const double> y_true, std::span<const double> y_pred);
double rmse(std::span<const double> y_true, std::span<const double> y_pred);
double mae(std::span<const double> y_true, std::span<const double> y_pred);
double mape(std::span<const double> y_true, std::span<const double> y_pred);
double r2(std::span<const double> y_true, std::span<const double> y_pred);

// Every metric of the catalogue that applies to `problem`, from the columns the pipelines hold:
//   binary:     accuracy, precision, recall, f1, roc_auc, pr_auc, log_loss
//   multiclass: accuracy, precision, recall, f1 (macro averages), roc_auc (one-vs-rest macro),
//               log_loss
//   regression: mse, rmse, mae, mape, r2
// Class labels are compared as text (column::to_string) and proba.classes gives the class order
// of the probability columns; a binary problem's positive class is proba.classes[1]. Rows whose
// truth or prediction is missing have nothing to compare and are left out. Throws lolpop::error
// when the lengths differ, when a classification has no class probabilities (or a binary one
// not exactly two classes), or when a regression target is categorical.
metric_values evaluate(problem_type problem, const column& y_true, const column& y_pred,
                       const class_probabilities& proba);

// The labels of `y_true` that are none of `classes` (a model's), each once in order of first
// appearance and comma-separated; empty when there are none. Missing truths are left out.
std::string unknown_classes(const column& y_true, const std::vector<std::string>& classes);

}  // namespace lolpop
