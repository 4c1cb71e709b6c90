#include "pum/config/lifecycle_events.hpp"

namespace pum::config {

std::optional<Event> parse_event(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kEventNames)); ++i) {
    if (kEventNames[i] == name) return static_cast<Event>(i);
  }
  return std::nullopt;
}

}  // namespace pum::config
