#pragma once
// Runs one body per target, each in a child process of its own (fork without exec: the program
// and its libraries are loaded already), at most `policy.jobs` at once, in list order, under
// the failure policy of schedule.hpp.
//
// A child's stdout and stderr go to pipes the parent reads while it runs (kept for the report,
// forwarded with a "[target] " prefix when asked); the child writes a small JSON object (from,
// to, pending) on a third pipe. The parent never has threads nor an embedded interpreter, so
// forking is safe; each child runs the single-target code path from the start (its own
// connection, transaction, lock and signal handler) and ends with _exit.
//
// SIGINT or SIGTERM to the parent: nothing new starts, the signal is passed on to the running
// children (their statement is cancelled and their transaction rolls back), the parent waits for
// them and returns with `interrupt_signal` set.
#include <cstddef>
#include <functional>
#include <vector>

#include "pum/fleet/result.hpp"
#include "pum/fleet/schedule.hpp"
#include "pum/fleet/target.hpp"

namespace pum::fleet {

enum class Forward { failed, all, none };

struct RunnerOptions {
  Policy policy;
  Forward forward = Forward::failed;  // which targets' stderr is copied to ours, prefixed
  bool progress = false;              // a status line on stderr (a terminal)
};

// Runs in the child with its stdout and stderr redirected; writes its JSON report on
// `report_fd`; returns the exit code of the target.
using ChildBody = std::function<int(std::size_t index, int report_fd)>;

struct RunnerOutcome {
  std::vector<TargetResult> results;  // one per target, in target order
  StopReason stop = StopReason::none;
  int interrupt_signal = 0;  // SIGINT or SIGTERM when the run was interrupted
  std::int64_t duration_ms = 0;
};

RunnerOutcome run_targets(const std::vector<Target>& targets, const RunnerOptions& options,
                          const ChildBody& body);

// The default of -j: twice the processors, at most 8 (a target spends most of its time waiting
// for the server), at least 1.
std::size_t default_jobs();

}  // namespace pum::fleet
