#pragma once
// A status line at the bottom of a terminal for long runs: what is running, how far, elapsed.
//
//   [ 3/12] changelogs/1.1.0/02_inspection.sql  0:07
//
// Shown only when stderr is a terminal, TERM is not "dumb" and the log level is not quiet; it is
// rewritten in place ("\r" + erase to the end of the line), cleared before every log line and
// drawn again below it, and redrawn once a second so that the elapsed time moves while a slow
// statement runs. When stderr is not a terminal nothing at all is written: logs and pipes get
// exactly the log lines.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace pum::progress {

// The text of the line (without "\r" and escape sequences), cut to `width` columns: the label
// loses its beginning first ("…" + the end of a path says more than its start).
std::string status_line(std::string_view what, std::size_t done, std::size_t total,
                        std::string_view label, std::chrono::seconds elapsed, std::size_t width);

// Whether a status line is shown at all (decided once per run from the terminal and settings).
bool wanted();

// A run of `total` steps ("files", "objects"...): begin shows the line, step names the step that
// starts now, end clears the line. Nested or repeated runs are fine: a new begin replaces the
// previous line. Thread-safe with the log (both write through one lock).
class Run {
 public:
  Run(std::string what, std::size_t total);
  ~Run();
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  Run(Run&&) = delete;
  Run& operator=(Run&&) = delete;

  void step(std::string_view label);

 private:
  bool active_ = false;
};

// How the log writes a line (newline included) to stderr: the status line, when shown, is erased
// first and drawn again below it, under the lock the ticker takes.
void write_log_line(std::string_view line);

}  // namespace pum::progress
