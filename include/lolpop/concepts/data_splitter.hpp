#pragma once
// lolpop::data_splitter — divides labeled data into train, validation and test parts.
//
// Requirements
//   t.split_data(const lolpop::frame& data, const std::string& target) -> lolpop::data_split
// Semantics
//   The target column moves to each part's `y`, the rest to `X`. The split is deterministic for
//   a given seed setting. A target that is not a column is a lolpop::error.
// Models
//   random_splitter, stratified_splitter, time_ordered_splitter.
// Guide
//   docs/write_your_own/data_splitter.md
// Example
//   given: lolpop::random_splitter& splitter, const lolpop::frame& data
//   lolpop::data_split s = splitter.split_data(data, "target");
//   const lolpop::frame& features = s.train.X;
//   (void)features;
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/split.hpp>

#include <string>

namespace lolpop {

template <class T>
concept has_split_data = requires(T& t, const frame& f, const std::string& target) {
    { t.split_data(f, target) } -> std::same_as<data_split>;
};

template <class T>
concept data_splitter = component<T> && has_split_data<T>;

}  // namespace lolpop
