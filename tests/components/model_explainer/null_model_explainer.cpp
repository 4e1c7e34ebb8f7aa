#include <lolpop/components/model_explainer/null_model_explainer.hpp>

#include <doctest/doctest.h>

#include <vector>

namespace {

// What model_explainer asks of a trainer: only its model type. Fitting is beside the point for
// an explainer that explains nothing.
struct linear_trainer {
    using model_type = std::vector<double>;  // coefficients
};

}  // namespace

static_assert(lolpop::model_explainer<lolpop::null_model_explainer, linear_trainer>);
static_assert(!lolpop::model_explainer<lolpop::null_model_explainer, int>);

TEST_CASE("null_model_explainer explains nothing") {
    lolpop::context ctx;
    lolpop::null_model_explainer explainer({}, ctx);
    const linear_trainer trainer;
    const linear_trainer::model_type model{0.5, -1.25};
    const lolpop::frame X({lolpop::column::numeric("a", {1, 2}), lolpop::column::numeric("b", {3, 4})});
    CHECK(explainer.get_feature_importance(trainer, model).empty());
    const lolpop::frame explanations = explainer.get_explanations(trainer, model, X);
    CHECK(explanations.cols() == 0);
    CHECK(explanations.rows() == 0);
}
