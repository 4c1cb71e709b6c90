#include "pum/config/error_collector.hpp"

#include <fmt/format.h>

namespace pum::config {

namespace {
thread_local ErrorCollector* current = nullptr;
}  // namespace

ErrorCollector::ErrorCollector() : previous_(current) { current = this; }

ErrorCollector::~ErrorCollector() { current = previous_; }

ErrorCollector* ErrorCollector::active() { return current; }

void ErrorCollector::throw_if_any() {
  if (errors_.empty()) return;
  if (errors_.size() == 1) {
    Error only = std::move(errors_.front());
    errors_.clear();
    throw only;
  }
  // One error printed as the first one (with its line and caret), then each other one as
  // "ERROR: file:line:col: message" and its hints, in the order they were found.
  const Error& first = errors_.front();
  Error combined(first.message(), first.location(), first.code());
  for (const auto& [label, text] : first.details()) combined.detail(label, text);
  for (const auto& hint : first.hints()) combined.detail("HINT", hint);
  for (std::size_t i = 1; i < errors_.size(); ++i) {
    combined.detail("ERROR", errors_[i].what());
    for (const auto& [label, text] : errors_[i].details()) combined.detail(label, text);
    for (const auto& hint : errors_[i].hints()) combined.detail("HINT", hint);
  }
  combined.hint(
      fmt::format("{} problems in this file; fix them all before running again", errors_.size()));
  errors_.clear();
  throw combined;
}

void report(Error error) {
  if (ErrorCollector* collector = ErrorCollector::active()) {
    collector->add(std::move(error));
    return;
  }
  throw error;
}

}  // namespace pum::config
