#pragma once
// lolpop::model_explainer<Trainer> — explains the models a given trainer makes.
//
// Requirements
//   t.get_feature_importance(trainer, model) -> std::vector<feature_importance>
//   t.get_explanations(trainer, model, const frame& X) -> frame      one contribution column per feature
// Semantics
//   An explainer may support only some trainers; the concept is checked against the trainer it
//   is composed with.
// Models
//   xgboost_explainer (for xgboost_trainer), null_model_explainer (no importances, an empty frame).
// Example
//   given: lolpop::xgboost_explainer& explainer, const lolpop::xgboost_trainer& trainer, const lolpop::xgboost_model& m, const lolpop::frame& X
//   std::vector<lolpop::feature_importance> importances = explainer.get_feature_importance(trainer, m);
//   lolpop::frame contributions = explainer.get_explanations(trainer, m, X);
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/core/resources.hpp>

#include <string>
#include <vector>

namespace lolpop {

template <class T, class Trainer>
concept explains_models = has_model_type<Trainer> &&
    requires(T& t, const Trainer& trainer, const typename Trainer::model_type& m, const frame& X) {
        { t.get_feature_importance(trainer, m) } -> std::same_as<std::vector<feature_importance>>;
        { t.get_explanations(trainer, m, X) } -> std::same_as<frame>;
    };

template <class T, class Trainer>
concept model_explainer = component<T> && explains_models<T, Trainer>;

}  // namespace lolpop
