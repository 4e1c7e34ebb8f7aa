#pragma once
// lolpop::logger — where the workflow's messages go.
//
// Requirements
//   t.log(log_level, std::string_view message)
// Semantics
//   Messages below the logger's configured level are dropped. Logging never throws.
//   A logger whose output is for machines (JSON lines) says so with
//   `static constexpr bool structured = true;`: the runner then draws no progress on the terminal.
// Models
//   stdout_logger, file_logger (JSON lines), null_logger.
// Guide
//   docs/write_your_own/logger.md
// Example
//   given: lolpop::stdout_logger& log
//   log.log(lolpop::log_level::info, "training started");
#include <lolpop/concepts/component.hpp>

#include <string_view>

namespace lolpop {

template <class T>
concept has_log = requires(T& t, log_level l, std::string_view m) { t.log(l, m); };

template <class T>
concept logger = component<T> && has_log<T>;

// A logger writing for machines rather than for a person at a terminal.
template <class T>
concept structured_logger = logger<T> && requires {
    requires T::structured;
};

}  // namespace lolpop
