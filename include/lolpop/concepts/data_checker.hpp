#pragma once
// lolpop::data_checker — validates a frame; a report with status error stops the workflow.
//
// Requirements
//   t.check_data(const frame&) -> report
// Semantics
//   The checker only reads the frame. Each problem is a finding naming the column or rule at
//   fault; every finding is logged and recorded, and only status error stops the workflow.
// Models
//   rule_data_checker (the profile's rules), null_data_checker (an empty, ok report).
// Guide
//   docs/write_your_own/data_checker.md
// Example
//   given: lolpop::null_data_checker& checker, const lolpop::frame& data
//   lolpop::report r = checker.check_data(data);
//   bool stops = r.status() == lolpop::check_status::error;
//   (void)stops;
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
