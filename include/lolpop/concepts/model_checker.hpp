#pragma once
// lolpop::model_checker — judges a trained model on held-out data; status error stops training.
//
// Requirements
//   t.check_model(const data_split&, const evaluation&) -> report
// Semantics
//   The checker only reads; it may fit its own baseline on split.train to compare the model's
//   evaluation with. Findings name the metric at fault.
// Models
//   baseline_model_checker, null_model_checker (an empty, ok report).
// Example
//   given: lolpop::null_model_checker& checker, const lolpop::data_split& split, const lolpop::evaluation& test
//   lolpop::report r = checker.check_model(split, test);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/report.hpp>
#include <lolpop/core/split.hpp>

namespace lolpop {

template <class T>
concept checks_models = requires(T& t, const data_split& s, const evaluation& e) {
    { t.check_model(s, e) } -> std::same_as<report>;
};

template <class T>
concept model_checker = component<T> && checks_models<T>;

}  // namespace lolpop
