#pragma once
// lolpop::feature_transformer — learns a transformation of the features on train data and applies
// it identically to any later data.
//
// Requirements
//   t.fit(const lolpop::frame& X)
//   t.transform(const lolpop::frame& X) -> lolpop::frame
// Semantics
//   fit sees train features only; transform uses what fit learned and never refits.
//   offline_train stores what fit learned with the model, so it also asks a transformer that is
//   not inert for t.save_state() const -> std::string and t.load_state(std::string_view)
//   (lolpop::has_fitted_state).
// Optional
//   t.transform_dense(const lolpop::frame& X) -> lolpop::dense_matrix   the features in one pass:
//                                                lolpop::dense_feature_transformer
// Models
//   null_feature_transformer (returns its input), feature_chain (dense), and every
//   row_feature_transformer: mean_imputer, median_imputer, standard_scaler, min_max_scaler,
//   one_hot_encoder, ordinal_encoder, log_transform, clip.
// Guide
//   docs/write_your_own/feature_transformer.md
// Example
//   given: lolpop::standard_scaler& scaler, const lolpop::data_split& split
//   scaler.fit(split.train.X);
//   lolpop::frame X = scaler.transform(split.test.X);
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/data/dense_matrix.hpp>

namespace lolpop {

template <class T>
concept has_fit_frame = requires(T& t, const frame& f) { t.fit(f); };

template <class T>
concept feature_transformer = component<T> && has_fit_frame<T> && has_transform<T>;

// Optional: makes the model's features as one dense matrix in one pass (a fused chain), for a
// lolpop::dense_predicting_trainer to read with no frame in between.
template <class T>
concept dense_feature_transformer = feature_transformer<T> && requires(const T& t, const frame& X) {
    { t.transform_dense(X) } -> std::same_as<dense_matrix>;
};

}  // namespace lolpop
