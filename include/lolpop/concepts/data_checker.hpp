#pragma once
// lolpop::data_checker — validates a frame; a report with status error stops the workflow.
//
// Requirements
//   t.check_data(const frame&) -> report
// Models
//   null_data_checker (an empty, ok report).
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/report.hpp>

namespace lolpop {

template <class T>
concept checks_data = requires(T& t, const frame& f) {
    { t.check_data(f) } -> std::same_as<report>;
};

template <class T>
concept data_checker = component<T> && checks_data<T>;

}  // namespace lolpop
