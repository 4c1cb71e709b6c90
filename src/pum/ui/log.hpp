#pragma once
// Log lines for people: stderr, pum 1.x's bare-message format, colour only on a terminal and
// without NO_COLOR. Reports and listings go to stdout, never through here.
#include <fmt/format.h>

#include <functional>
#include <string_view>

namespace pum::log {

enum class Level : int { sql = 5, debug = 10, info = 20, warning = 30, error = 40 };

// Set once by the CLI from -v/-q. Default: info.
void set_level(Level level);
Level level();
bool enabled(Level level);
// Colour decision: forced on/off, or (default) auto = stderr is a TTY and NO_COLOR unset.
void set_colour(bool on);

void write(Level level, std::string_view message);

// Where lines go instead of stderr, while a Sink is set (the Python API hands them to Python's
// logging). Empty: stderr. A sink may throw (a cancelled run): the exception leaves write().
using Sink = std::function<void(Level, std::string_view)>;
// Returns the previous sink, to be restored by the caller.
Sink set_sink(Sink sink);

template <typename... Args>
void sql(fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(Level::sql)) write(Level::sql, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void debug(fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(Level::debug)) write(Level::debug, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void info(fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(Level::info)) write(Level::info, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void warning(fmt::format_string<Args...> f, Args&&... args) {
  if (enabled(Level::warning)) write(Level::warning, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  write(Level::error, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace pum::log
