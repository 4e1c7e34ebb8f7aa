#pragma once
// A model's predictions on held-out data with the truth and the metrics computed from them:
// what checkers, bias checkers and visualizers look at.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/resources.hpp>

#include <string>

namespace lolpop {

struct evaluation {
    problem_type problem = problem_type::binary;
    std::string part;  // "valid", "test", ...
    frame X;
    column y_true{"", column_type::numeric};
    column y_pred{"", column_type::numeric};
    class_probabilities proba;  // empty for regression
    metric_values metrics;
};

}  // namespace lolpop
