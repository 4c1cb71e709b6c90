#pragma once
// The lifecycle events hooks can be registered for (docs/hooks.md), in the order a run fires
// them: pre_validate once before any migration; pre_execute and post_execute around each
// migration, inside the transaction; post_complete once after the commit; pre_rollback and
// post_rollback around each migration undone by `pum rollback`; on_error once when a run fails,
// after the rollback.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pum::config {

enum class Event {
  pre_validate,
  pre_execute,
  post_execute,
  post_complete,
  pre_rollback,
  post_rollback,
  on_error,
};

inline constexpr std::string_view kEventNames[] = {
    "pre_validate", "pre_execute",   "post_execute", "post_complete",
    "pre_rollback", "post_rollback", "on_error",
};

[[nodiscard]] constexpr std::string_view event_name(Event event) {
  return kEventNames[static_cast<int>(event)];
}

// The event of that exact name (names are case-sensitive).
std::optional<Event> parse_event(std::string_view name);

}  // namespace pum::config
