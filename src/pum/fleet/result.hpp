#pragma once
// What happened to each target of a fleet run, and to the run as a whole.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pum/fleet/schedule.hpp"

namespace pum::fleet {

// skipped: never started (the failure policy or an interruption stopped the run first);
// interrupted: ended by SIGINT/SIGTERM while running (its transaction rolled back, or had
// committed just before); differs: check or drift ran and found differences (a finding, not a
// failure: it stops nothing).
enum class Status { ok, failed, interrupted, skipped, differs };
inline constexpr std::size_t kStatusCount = 5;

const char* status_name(Status status);

struct TargetResult {
  Status status = Status::skipped;
  std::optional<std::string> from;      // the version before the run (info: the installed one)
  std::optional<std::string> to;        // after it (info: the latest on disk)
  std::optional<std::int64_t> pending;  // info: migrations not applied yet
  bool differs = false;                 // check, drift: the target said it found differences
  std::int64_t duration_ms = 0;
  int exit_code = -1;  // the target's own exit code; -1 when it did not exit by itself
  std::string error;   // the first line saying what went wrong
  std::string log;     // what the target wrote to stderr (kept for failed targets)
  std::string output;  // what it wrote to stdout
};

struct RunSummary {
  std::string action;  // upgrade, info, ...
  std::string layout;  // pum1x, flat
  std::size_t jobs = 1;
  std::int64_t duration_ms = 0;
  bool interrupted = false;
  StopReason stop = StopReason::none;
};

// 0 every target ok; 1 some differ (check, drift) and none failed; 4 some failed or were
// skipped; 130 interrupted (SIGINT), 143 (SIGTERM).
int exit_code(const std::vector<TargetResult>& results, const RunSummary& summary,
              int interrupt_signal);

}  // namespace pum::fleet
