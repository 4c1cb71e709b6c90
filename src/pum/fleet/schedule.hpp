#pragma once
// Which target starts next: the failure policy of a fleet run, without processes or time, so
// that it can be tested alone. Targets start in list order, at most `jobs` at once.
//
// - Default: after the first failure no new target starts; the running ones finish.
// - keep_going: failures do not stop anything (except a failing canary).
// - canary N: the first N targets run first (at most `jobs` of them at once); the others start
//   only when all N succeeded.
// - interrupt(): nothing new starts.
#include <cstddef>
#include <optional>

namespace pum::fleet {

struct Policy {
  std::size_t jobs = 1;
  bool keep_going = false;
  std::size_t canary = 0;
};

enum class StopReason { none, failure, canary, interrupted };

class Scheduler {
 public:
  Scheduler(std::size_t total, Policy policy);

  // The index of the target to start now, or nullopt (all started, `jobs` running, waiting for
  // the canaries, or stopped).
  std::optional<std::size_t> next();
  void finished(bool ok);
  void interrupt();

  [[nodiscard]] std::size_t running() const { return running_; }
  [[nodiscard]] std::size_t started() const { return started_; }
  // Nothing runs and nothing more will start.
  [[nodiscard]] bool done() const;
  [[nodiscard]] StopReason stop_reason() const { return stop_; }

 private:
  std::size_t total_;
  Policy policy_;
  std::size_t started_ = 0;
  std::size_t running_ = 0;
  std::size_t canaries_done_ = 0;
  StopReason stop_ = StopReason::none;
};

}  // namespace pum::fleet
