#pragma once
// Every mistake of a configuration file in one run: while a collector is active (load_config
// installs one), unknown and duplicate keys of any mapping are recorded instead of thrown and
// the key is skipped, and each section's reader runs even when an earlier one failed; the
// errors are thrown together at the end: one error whose DETAIL-style lines list the others.
#include <vector>

#include "pum/util/error.hpp"

namespace pum::config {

class ErrorCollector {
 public:
  ErrorCollector();
  ~ErrorCollector();
  ErrorCollector(const ErrorCollector&) = delete;
  ErrorCollector& operator=(const ErrorCollector&) = delete;

  // The active collector of this thread, or null.
  static ErrorCollector* active();

  void add(Error error) { errors_.push_back(std::move(error)); }
  [[nodiscard]] std::size_t size() const { return errors_.size(); }
  // Takes back the last error recorded (to throw it instead of a consequence of it).
  Error take_last() {
    Error last = std::move(errors_.back());
    errors_.pop_back();
    return last;
  }
  // Runs `step`; a pum::Error it throws is recorded, unless the step recorded errors of its own
  // first (an unknown key): what stopped it is then most likely a consequence of those ('sql:'
  // misspelt for 'code:' leaves the hook without code), reported once they are fixed.
  template <typename F>
  void attempt(F&& step) {
    const std::size_t before = errors_.size();
    try {
      step();
    } catch (Error& error) {
      if (errors_.size() == before) add(std::move(error));
    }
  }
  // Throws what was recorded, when anything was: the error itself when there is one.
  void throw_if_any();

 private:
  std::vector<Error> errors_;
  ErrorCollector* previous_;
};

// Throws `error`, or records it when a collector is active.
void report(Error error);

}  // namespace pum::config
