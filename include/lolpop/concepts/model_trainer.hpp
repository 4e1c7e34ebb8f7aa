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
// Optional (each a named concept below)
//   t.predict_all(const model_type&, const frame& X) -> predictions   labels and probabilities
//                                                    from one prediction (the predict step uses it):
//                                                    lolpop::all_predicting_trainer
//   T::refit_config(const config&, const model_type&) -> config      the settings that refit a chosen
//                                                    model on all data (retrain_all): e.g. the rounds
//                                                    early stopping chose: lolpop::refitting_trainer
//   t.predict(m, const dense_matrix&), t.predict_proba(m, const dense_matrix&)
//                                                    predictions from a fused feature transformer's
//                                                    output: lolpop::dense_predicting_trainer
// Models
//   xgboost_trainer.
// Guide
//   docs/write_your_own/model_trainer.md
// Example
//   given: lolpop::xgboost_trainer& trainer, const lolpop::data_split& split
//   auto m = trainer.fit(split, lolpop::problem_type::binary);
//   lolpop::column yhat = trainer.predict(m, split.test.X);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/split.hpp>
#include <lolpop/data/dense_matrix.hpp>

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

// Optional capabilities, which pipelines use when a trainer has them.

// Adapts the chosen settings for the refit on all data to the chosen model (retrain_all).
template <class T>
concept refitting_trainer = model_trainer<T> &&
    requires(const typename T::config& c, const typename T::model_type& m) {
        { T::refit_config(c, m) } -> std::same_as<typename T::config>;
    };

// Labels and probabilities from one prediction over `Input` (a frame, or a dense_matrix).
template <class T, class Input = frame>
concept all_predicting_trainer = model_trainer<T> &&
    requires(const T& t, const typename T::model_type& m, const Input& X) {
        { t.predict_all(m, X) } -> std::same_as<predictions>;
    };

// Predicts from a dense matrix of features (what a fused feature transformer makes), with no frame
// in between.
template <class T>
concept dense_predicting_trainer = model_trainer<T> &&
    requires(T& t, const typename T::model_type& m, const dense_matrix& X) {
        { t.predict(m, X) } -> std::same_as<column>;
        { t.predict_proba(m, X) } -> std::same_as<class_probabilities>;
    };

}  // namespace lolpop
