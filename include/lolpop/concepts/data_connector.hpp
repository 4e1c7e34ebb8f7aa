#pragma once
// lolpop::data_connector — reads and writes frames from and to a storage system.
//
// Requirements
//   t.get_data(const std::string& source) -> lolpop::frame
//   t.save_data(const lolpop::frame&, const std::string& target)
// Semantics
//   `source` and `target` are the connector's own addresses (a file path, a table or a query).
//   get_data throws lolpop::error naming the source and, where known, the row and column of bad
//   input. save_data is atomic: the target holds either the old or the whole new data, and
//   get_data(target) then gives the frame saved: its columns in order, their types, values and
//   missing values (lolpop::testing::check_data_connector_laws checks a connector for this).
//   Optional capability (chunked_data_connector): reading and writing a frame a chunk of rows
//   at a time, so that offline_predict scores an input larger than memory with a fixed working set:
//     t.read_chunks(source) -> a reader r: r.names() (the columns), r.next(max_rows) ->
//       std::optional<frame> (nullopt at the end; every chunk has the same columns and types),
//       r.bytes_read() and r.total_bytes() (for progress; 0 when unknown)
//     t.write_chunks(target) -> a writer w: w.append(const frame&) for each chunk, w.commit();
//       nothing is at the target until commit, and a writer dropped without it leaves no trace.
// Models
//   csv_data_connector (chunked too), sqlite_data_connector, postgres_data_connector.
// Example
//   given: lolpop::csv_data_connector& connector
//   lolpop::frame f = connector.get_data("data/breast_cancer.csv");
//   connector.save_data(f, "data/copy.csv");
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

template <class T>
concept has_get_data = requires(T& t, const std::string& source) {
    { t.get_data(source) } -> std::same_as<frame>;
};
template <class T>
concept has_save_data = requires(T& t, const frame& f, const std::string& target) { t.save_data(f, target); };

template <class T>
concept data_connector = component<T> && has_get_data<T> && has_save_data<T>;

template <class R>
concept chunk_reader = requires(R& r, std::size_t max_rows) {
    { r.names() } -> std::convertible_to<std::vector<std::string>>;
    { r.next(max_rows) } -> std::same_as<std::optional<frame>>;
    { r.bytes_read() } -> std::convertible_to<std::uint64_t>;
    { r.total_bytes() } -> std::convertible_to<std::uint64_t>;
};
template <class W>
concept chunk_writer = requires(W& w, const frame& f) {
    w.append(f);
    w.commit();
};
template <class T>
concept chunked_data_connector = data_connector<T> && requires(T& t, const std::string& address) {
    { t.read_chunks(address) } -> chunk_reader;
    { t.write_chunks(address) } -> chunk_writer;
};

}  // namespace lolpop
