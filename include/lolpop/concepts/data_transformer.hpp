#pragma once
// lolpop::data_transformer — reshapes a whole frame before it is versioned (select, derive, ...).
//
// Requirements
//   t.transform(const lolpop::frame&) -> lolpop::frame
// Semantics
//   Stateless: the same input gives the same output in process and predict. Errors name the
//   column and the setting at fault.
// Models
//   column_transformer, sql_data_transformer, null_data_transformer (returns its input).
// Example
//   given: lolpop::column_transformer& transformer, const lolpop::frame& raw
//   lolpop::frame clean = transformer.transform(raw);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>

namespace lolpop {

template <class T>
concept has_transform = requires(T& t, const frame& f) {
    { t.transform(f) } -> std::same_as<frame>;
};

template <class T>
concept data_transformer = component<T> && has_transform<T>;

}  // namespace lolpop
