#include "pum/fleet/schedule.hpp"

#include <algorithm>

namespace pum::fleet {

Scheduler::Scheduler(std::size_t total, Policy policy) : total_(total), policy_(policy) {
  policy_.jobs = std::max<std::size_t>(policy_.jobs, 1);
  policy_.canary = std::min(policy_.canary, total_);
}

std::optional<std::size_t> Scheduler::next() {
  if (stop_ != StopReason::none || started_ >= total_ || running_ >= policy_.jobs) {
    return std::nullopt;
  }
  // The canaries first; the rest waits until every one of them has finished well.
  if (started_ >= policy_.canary && canaries_done_ < policy_.canary) return std::nullopt;
  ++running_;
  return started_++;
}

void Scheduler::finished(bool ok) {
  if (running_ > 0) --running_;
  const bool canary = canaries_done_ < policy_.canary;
  if (canary) ++canaries_done_;
  if (ok || stop_ != StopReason::none) return;
  if (started_ >= total_) return;  // nothing left that the failure could keep from starting
  if (canary) {
    stop_ = StopReason::canary;
  } else if (!policy_.keep_going) {
    stop_ = StopReason::failure;
  }
}

void Scheduler::interrupt() { stop_ = StopReason::interrupted; }

bool Scheduler::done() const {
  return running_ == 0 && (stop_ != StopReason::none || started_ >= total_);
}

}  // namespace pum::fleet
