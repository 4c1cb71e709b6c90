#pragma once
// The status line of a fleet run on a terminal (stderr), rewritten in place:
//
//   fleet: 12/30 done, 1 failed, 4 running  0:07
//
// Disabled (nothing written at all) when stderr is not a terminal, TERM is dumb or -q.
#include <chrono>
#include <cstddef>
#include <string>

namespace pum::fleet {

std::string progress_text(std::size_t done, std::size_t failed, std::size_t running,
                          std::size_t total, std::chrono::seconds elapsed);

// Whether a fleet run shows the line: stderr a terminal, TERM not "dumb", not quiet.
bool progress_wanted(bool quiet);

class Progress {
 public:
  Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void draw(std::size_t done, std::size_t failed, std::size_t running,
            std::chrono::steady_clock::duration elapsed);
  // Erases the line (before other output, and at the end).
  void clear();

 private:
  bool enabled_;
  std::size_t total_;
  bool shown_ = false;
};

}  // namespace pum::fleet
