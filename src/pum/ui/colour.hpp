#pragma once
// When output gets colour (the log on stderr, listings on stdout).

namespace pum::log {

// A TTY, no (non-empty) NO_COLOR, and TERM other than "dumb".
bool colour_wanted(bool tty, const char* no_color, const char* term);

}  // namespace pum::log
