#pragma once
// lolpop::data_profiler — describes a frame, and how two frames differ.
//
// Requirements
//   t.profile_data(const frame&) -> report
//   t.compare_data(const frame& reference, const frame& current) -> report
// Models
//   null_data_profiler (empty reports).
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
