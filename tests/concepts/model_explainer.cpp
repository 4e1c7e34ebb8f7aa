// lolpop::model_explainer<T, Trainer>: per requirement, and against the trainer it is composed with.
#include <lolpop/concepts/model_explainer.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace {

struct tree_model {};
struct linear_model {};

template <class Model>
struct trainer : archetype::component_base {
    using component_base::component_base;
    using model_type = Model;
    Model fit(const lolpop::data_split&, lolpop::problem_type);
    lolpop::column predict(const Model&, const lolpop::frame&);
    lolpop::class_probabilities predict_proba(const Model&, const lolpop::frame&);
    std::string save_model(const Model&);
    Model load_model(std::string_view);
};
using tree_trainer = trainer<tree_model>;
using linear_trainer = trainer<linear_model>;
static_assert(lolpop::model_trainer<tree_trainer> && lolpop::model_trainer<linear_trainer>);

// Explains tree models only.
template <bool Importance, bool Explanations>
struct explainer : archetype::component_base {
    using component_base::component_base;
    std::vector<lolpop::feature_importance> get_feature_importance(const tree_trainer&, const tree_model&)
        requires Importance;
    lolpop::frame get_explanations(const tree_trainer&, const tree_model&, const lolpop::frame&)
        requires Explanations;
};
using tree_explainer = explainer<true, true>;
static_assert(lolpop::model_explainer<tree_explainer, tree_trainer>);
static_assert(!lolpop::explains_models<tree_explainer, linear_trainer> && !lolpop::model_explainer<tree_explainer, linear_trainer>);

using no_importance = explainer<false, true>;
static_assert(!lolpop::explains_models<no_importance, tree_trainer> && !lolpop::model_explainer<no_importance, tree_trainer>);
using no_explanations = explainer<true, false>;
static_assert(!lolpop::explains_models<no_explanations, tree_trainer> &&
              !lolpop::model_explainer<no_explanations, tree_trainer>);

// No trainer without a model_type can be explained.
struct modelless : archetype::component_base {
    using component_base::component_base;
};
static_assert(!lolpop::model_explainer<tree_explainer, modelless>);

}  // namespace
