#pragma once
// lolpop::resource_version_control — immutable, content-addressed storage of data and models.
//
// Requirements
//   t.version_data(const frame&) -> artifact       stores the frame, returns its address
//   t.get_data(const std::string& hash) -> frame
//   t.version_model(std::string_view bytes) -> artifact
//   t.get_model(const std::string& hash) -> std::string
// Semantics
//   The hash is the SHA-256 of the stored bytes; storing the same content twice stores it once.
//   Writes are atomic (a reader never sees a partial artifact). A hash that is not stored, or
//   whose bytes no longer match it, is a lolpop::error.
//   Optional capability (streams_data_versions): a frame stored a chunk of rows at a time, for
//   inputs larger than memory:
//     t.begin_data_version() -> a writer w: w.append(const frame&) for each chunk (same columns and
//       types), w.commit() -> artifact, the same as version_data of the chunks as one frame;
//       nothing is stored until commit.
// Models
//   local_artifact_store (streams too).
// Example
//   given: lolpop::local_artifact_store& store, const lolpop::frame& data
//   lolpop::artifact a = store.version_data(data);
//   lolpop::frame same = store.get_data(a.hash);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/resources.hpp>

#include <string>
#include <string_view>

namespace lolpop {

template <class T>
concept versions_data = requires(T& t, const frame& f, const std::string& h) {
    { t.version_data(f) } -> std::same_as<artifact>;
    { t.get_data(h) } -> std::same_as<frame>;
};

template <class T>
concept versions_models = requires(T& t, std::string_view bytes, const std::string& h) {
    { t.version_model(bytes) } -> std::same_as<artifact>;
    { t.get_model(h) } -> std::same_as<std::string>;
};

template <class T>
concept resource_version_control = component<T> && versions_data<T> && versions_models<T>;

template <class W>
concept data_version_writer = requires(W& w, const frame& f) {
    w.append(f);
    { w.commit() } -> std::same_as<artifact>;
};
template <class T>
concept streams_data_versions = requires(T& t) {
    { t.begin_data_version() } -> data_version_writer;
};

}  // namespace lolpop
