#include "pum/ui/log.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "pum/ui/colour.hpp"
#include "pum/ui/progress.hpp"

namespace pum::log {

bool colour_wanted(bool tty, const char* no_color, const char* term) {
  if (!tty) return false;
  if (no_color != nullptr && *no_color != '\0') return false;
  return term == nullptr || std::string_view(term) != "dumb";
}

namespace {
Level g_level = Level::info;
int g_colour = -1;  // -1 = decide on first use
Sink g_sink;

bool colour_on() {
  if (g_colour < 0) {
    const bool on =
        colour_wanted(isatty(STDERR_FILENO) != 0, std::getenv("NO_COLOR"), std::getenv("TERM"));
    g_colour = on ? 1 : 0;
  }
  return g_colour == 1;
}

const char* colour_of(Level level) {
  switch (level) {
    case Level::error:
      return "\033[31m";
    case Level::warning:
      return "\033[33m";
    case Level::info:
      return "\033[36m";
    case Level::debug:
      return "\033[35m";
    case Level::sql:
      return "\033[90m";
  }
  return "";
}
}  // namespace

void set_level(Level level) { g_level = level; }
Level level() { return g_level; }
bool enabled(Level level) { return static_cast<int>(level) >= static_cast<int>(g_level); }
void set_colour(bool on) { g_colour = on ? 1 : 0; }

Sink set_sink(Sink sink) {
  std::swap(g_sink, sink);
  return sink;
}

void write(Level level, std::string_view message) {
  if (g_sink) {
    g_sink(level, message);
    return;
  }
  std::string line;
  line.reserve(message.size() + 16);
  if (colour_on()) {
    line += colour_of(level);
    line += message;
    line += "\033[0m\n";
  } else {
    line += message;
    line += '\n';
  }
  progress::write_log_line(line);
}

}  // namespace pum::log
