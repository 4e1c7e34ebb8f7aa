#pragma once
#include <lolpop/core/evaluation.hpp>
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/core/split.hpp>
#include <lolpop/pipelines/detail/require_finite_predictions.hpp>

#include <string>

namespace lolpop::detail {

// Predicts `part` with `model` and scores it: what tuning, checking and champion/challenger
// comparison all look at. Non-finite predictions are an error (require_finite_predictions).
template <class Trainer>
evaluation evaluate_model(Trainer& trainer, const typename Trainer::model_type& model, const labeled_data& part,
                          problem_type problem, std::string part_name) {
    evaluation e;
    e.problem = problem;
    e.part = std::move(part_name);
    e.X = part.X;
    e.y_true = part.y;
    e.y_pred = trainer.predict(model, part.X);
    if (problem != problem_type::regression) e.proba = trainer.predict_proba(model, part.X);
    require_finite_predictions(e.y_pred, e.proba, e.part, "train");
    e.metrics = evaluate(problem, e.y_true, e.y_pred, e.proba);
    return e;
}

}  // namespace lolpop::detail
