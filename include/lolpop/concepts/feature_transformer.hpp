#pragma once
// lolpop::feature_transformer — learns a transformation of the features on train data and applies
// it identically to any later data.
//
// Requirements
//   t.fit(const lolpop::frame& X)
//   t.transform(const lolpop::frame& X) -> lolpop::frame
// Semantics
//   fit sees train features only; transform uses what fit learned and never refits.
// Models
//   null_feature_transformer (returns its input).
// Example
//   scaler.fit(split.train.X); auto X = scaler.transform(split.test.X);
#include <lolpop/concepts/data_transformer.hpp>

namespace lolpop {

template <class T>
concept has_fit_frame = requires(T& t, const frame& f) { t.fit(f); };

template <class T>
concept feature_transformer = component<T> && has_fit_frame<T> && has_transform<T>;

}  // namespace lolpop
