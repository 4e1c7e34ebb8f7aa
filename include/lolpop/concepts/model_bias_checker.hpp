#pragma once
// lolpop::model_bias_checker — compares a model's outcomes across protected groups.
//
// Requirements
//   t.check_model_bias(const evaluation&) -> report     evaluation.X holds the protected columns
// Models
//   null_model_bias_checker (an empty, ok report).
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
