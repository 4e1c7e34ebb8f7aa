#pragma once
// lolpop::model_trainer — fits a model and predicts with it.
//
// Requirements
//   T::model_type                                    the fitted model, movable
//   t.fit(const data_split&, problem_type) -> model_type
//   t.predict(const model_type&, const frame& X) -> column         class labels or values
//   t.predict_proba(const model_type&, const frame& X) -> class_probabilities
//   t.save_model(const model_type&) -> std::string                  bytes, self-contained
//   t.load_model(std::string_view bytes) -> model_type
// Semantics
//   fit trains on split.train and may use split.valid for early stopping. predict and
//   predict_proba require X to have the training columns (by name; extra columns are ignored).
//   load_model(save_model(m)) predicts exactly as m. predict_proba on a regression model is an
//   error.
// Optional
//   t.predict_all(const model_type&, const frame& X) -> predictions   labels and probabilities
//                                                    from one prediction (the predict step uses it)
//   T::refit_config(const config&, const model_type&) -> config      the settings that refit a chosen
//                                                    model on all data (retrain_all): e.g. the rounds
//                                                    early stopping chose
// Models
//   xgboost_trainer.
// Example
//   auto m = trainer.fit(split, lolpop::problem_type::binary);
//   lolpop::column yhat = trainer.predict(m, split.test.X);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/split.hpp>

#include <concepts>
#include <string>
#include <string_view>

namespace lolpop {

template <class T>
concept has_model_type = requires { typename T::model_type; } && std::movable<typename T::model_type>;

template <class T>
concept has_fit = has_model_type<T> && requires(T& t, const data_split& s, problem_type p) {
    { t.fit(s, p) } -> std::same_as<typename T::model_type>;
};

template <class T>
concept has_predict = has_model_type<T> && requires(T& t, const typename T::model_type& m, const frame& X) {
    { t.predict(m, X) } -> std::same_as<column>;
};

template <class T>
concept has_predict_proba = has_model_type<T> && requires(T& t, const typename T::model_type& m, const frame& X) {
    { t.predict_proba(m, X) } -> std::same_as<class_probabilities>;
};

template <class T>
concept has_save_load = has_model_type<T> && requires(T& t, const typename T::model_type& m, std::string_view bytes) {
    { t.save_model(m) } -> std::same_as<std::string>;
    { t.load_model(bytes) } -> std::same_as<typename T::model_type>;
};

template <class T>
concept model_trainer = component<T> && has_model_type<T> && has_fit<T> && has_predict<T> && has_predict_proba<T> &&
                        has_save_load<T>;

}  // namespace lolpop
