// offline_train's evaluation of a model (its detail/evaluate_model.hpp): non-finite
// predictions stop it, before offline_train versions or stores anything.
#include <lolpop/pipelines/detail/evaluate_model.hpp>
#include <lolpop/core/error.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <vector>

namespace {

// A regression "model" that predicts a fixed list of values, and a classifier whose
// probabilities are fixed: what a diverged booster gives.
struct fixed_trainer {
    using model_type = std::vector<double>;
    lolpop::column predict(const model_type& m, const lolpop::frame&) const { return lolpop::column::numeric("y", m); }
    lolpop::class_probabilities predict_proba(const model_type& m, const lolpop::frame&) const {
        lolpop::class_probabilities p;
        p.classes = {"0", "1"};
        for (double v : m) {
            p.values.push_back(1 - v);
            p.values.push_back(v);
        }
        return p;
    }
};

lolpop::labeled_data part_of(std::vector<double> y) {
    lolpop::labeled_data part;
    part.X = lolpop::frame({lolpop::column::numeric("x", std::vector<double>(y.size(), 1.0))});
    part.y = lolpop::column::numeric("y", std::move(y));
    return part;
}

}  // namespace

TEST_CASE("a model whose predictions hold NaN or infinity stops the train step, naming the part and the row") {
    fixed_trainer t;
    const auto part = part_of({1, 2, 3});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(lolpop::detail::evaluate_model(t, {1, 2, 3}, part, lolpop::problem_type::regression, "valid").metrics.size() > 0);
    CHECK(message_of([&] { (void)lolpop::detail::evaluate_model(t, {1, nan, 3}, part, lolpop::problem_type::regression, "valid"); }) ==
          "the model's prediction on the valid part is NaN at row 2: the model is not stored (train)");
    CHECK(message_of([&] { (void)lolpop::detail::evaluate_model(t, {1, 2, inf}, part, lolpop::problem_type::regression, "test"); }) ==
          "the model's prediction on the test part is infinite at row 3: the model is not stored (train)");

    lolpop::labeled_data labels;
    labels.X = part.X;
    labels.y = lolpop::column::categorical("y", {0, 1, 0}, {"0", "1"});
    struct classifier : fixed_trainer {
        lolpop::column predict(const model_type&, const lolpop::frame&) const {
            return lolpop::column::categorical("y", {0, 1, 0}, {"0", "1"});
        }
    } c;
    CHECK(message_of([&] { (void)lolpop::detail::evaluate_model(c, {0.2, nan, 0.1}, labels, lolpop::problem_type::binary, "valid"); }) ==
          "the model's probability of class '0' on the valid part is NaN at row 2: the model is not stored (train)");
}
