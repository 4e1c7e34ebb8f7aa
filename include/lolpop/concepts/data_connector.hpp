#pragma once
// lolpop::data_connector — reads and writes frames from and to a storage system.
//
// Requirements
//   t.get_data(const std::string& source) -> lolpop::frame
//   t.save_data(const lolpop::frame&, const std::string& target)
// Semantics
//   `source` and `target` are the connector's own addresses (a file path, a table or a query).
//   get_data throws lolpop::error naming the source and, where known, the row and column of bad
//   input. save_data is atomic: the target holds either the old or the whole new data.
// Models
//   csv_data_connector, sqlite_data_connector.
// Example
//   given: lolpop::csv_data_connector& connector
//   lolpop::frame f = connector.get_data("data/breast_cancer.csv");
//   connector.save_data(f, "data/copy.csv");
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>

#include <string>

namespace lolpop {

template <class T>
concept has_get_data = requires(T& t, const std::string& source) {
    { t.get_data(source) } -> std::same_as<frame>;
};
template <class T>
concept has_save_data = requires(T& t, const frame& f, const std::string& target) { t.save_data(f, target); };

template <class T>
concept data_connector = component<T> && has_get_data<T> && has_save_data<T>;

}  // namespace lolpop
