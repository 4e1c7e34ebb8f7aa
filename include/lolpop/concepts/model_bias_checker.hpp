#pragma once
// lolpop::model_bias_checker — compares a model's outcomes across protected groups.
//
// Requirements
//   t.check_model_bias(const evaluation&) -> report     evaluation.X holds the protected columns
// Semantics
//   The checker only reads the evaluation. A finding names the protected column and group whose
//   outcomes differ; status error stops training as a model check does.
// Models
//   fairness_bias_checker, null_model_bias_checker (an empty, ok report).
// Example
//   given: lolpop::null_model_bias_checker& checker, const lolpop::evaluation& test
//   lolpop::report r = checker.check_model_bias(test);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>

namespace lolpop {

template <class T>
concept checks_model_bias = requires(T& t, const evaluation& e) {
    { t.check_model_bias(e) } -> std::same_as<report>;
};

template <class T>
concept model_bias_checker = component<T> && checks_model_bias<T>;

}  // namespace lolpop
