// lolpop::model_trainer: one hand-made trainer per requirement, each lacking only that one.
#include <lolpop/concepts/model_trainer.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace {

struct model {};

template <bool Fit, bool Predict, bool Proba, bool SaveLoad>
struct trainer : archetype::component_base {
    using component_base::component_base;
    using model_type = model;
    model fit(const lolpop::data_split&, lolpop::problem_type)
        requires Fit;
    lolpop::column predict(const model&, const lolpop::frame&)
        requires Predict;
    lolpop::class_probabilities predict_proba(const model&, const lolpop::frame&)
        requires Proba;
    std::string save_model(const model&)
        requires SaveLoad;
    model load_model(std::string_view)
        requires SaveLoad;
};

static_assert(lolpop::model_trainer<trainer<true, true, true, true>>);

using no_fit = trainer<false, true, true, true>;
static_assert(!lolpop::has_fit<no_fit> && !lolpop::model_trainer<no_fit>);
using no_predict = trainer<true, false, true, true>;
static_assert(!lolpop::has_predict<no_predict> && !lolpop::model_trainer<no_predict>);
using no_predict_proba = trainer<true, true, false, true>;
static_assert(!lolpop::has_predict_proba<no_predict_proba> && !lolpop::model_trainer<no_predict_proba>);
using no_save_load = trainer<true, true, true, false>;
static_assert(!lolpop::has_save_load<no_save_load> && !lolpop::model_trainer<no_save_load>);

// Everything else a trainer has, but no model_type to name what fit returns.
struct no_model_type : archetype::component_base {
    using component_base::component_base;
    model fit(const lolpop::data_split&, lolpop::problem_type);
};
static_assert(!lolpop::has_model_type<no_model_type> && !lolpop::model_trainer<no_model_type>);

// predict returning the values as doubles instead of a lolpop::column.
struct predicts_doubles : trainer<true, false, true, true> {
    using trainer::trainer;
    std::vector<double> predict(const model&, const lolpop::frame&);
};
static_assert(!lolpop::has_predict<predicts_doubles> && !lolpop::model_trainer<predicts_doubles>);

}  // namespace
