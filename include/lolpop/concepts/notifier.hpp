#pragma once
// lolpop::notifier — tells people about events that need attention (a failed check, a deploy).
//
// Requirements
//   t.notify(log_level, std::string_view message)
// Semantics
//   Notifications below the notifier's configured level are dropped. A notification informs;
//   the workflow's outcome never depends on it.
// Models
//   stdout_notifier, webhook_notifier, smtp_notifier, null_notifier.
// Example
//   given: lolpop::stdout_notifier& notifier
//   notifier.notify(lolpop::log_level::warn, "data check failed: see the run report");
#include <lolpop/concepts/component.hpp>

#include <string_view>

namespace lolpop {

template <class T>
concept has_notify = requires(T& t, log_level l, std::string_view m) { t.notify(l, m); };

template <class T>
concept notifier = component<T> && has_notify<T>;

}  // namespace lolpop
