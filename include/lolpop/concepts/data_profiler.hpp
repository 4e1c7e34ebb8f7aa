#pragma once
// lolpop::data_profiler — describes a frame, and how two frames differ.
//
// Requirements
//   t.profile_data(const frame&) -> report
//   t.compare_data(const frame& reference, const frame& current) -> report
// Semantics
//   Profiling only reads. compare_data's findings name the columns whose distribution drifted
//   from the reference to the current data (process: a dataset's previous version; predict: the
//   data the model was trained on); status error stops the workflow.
// Models
//   summary_data_profiler (column summaries and drift), null_data_profiler (empty reports).
// Example
//   given: lolpop::null_data_profiler& profiler, const lolpop::frame& train, const lolpop::frame& now
//   lolpop::report profile = profiler.profile_data(train);
//   lolpop::report drift = profiler.compare_data(train, now);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

namespace lolpop {

template <class T>
concept profiles_data = requires(T& t, const frame& f) {
    { t.profile_data(f) } -> std::same_as<report>;
    { t.compare_data(f, f) } -> std::same_as<report>;
};

template <class T>
concept data_profiler = component<T> && profiles_data<T>;

}  // namespace lolpop
