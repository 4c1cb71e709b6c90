#pragma once
// The one error type of pum. Building blocks throw it (or return Expected<T>, see expected.hpp);
// cli::run catches it once, prints it (see ui/error_printer) and maps it to the exit code.
#include <string>
#include <utility>
#include <vector>

#include "pum/util/source_location.hpp"

namespace pum {

// 3: gave up waiting for another run's lock (--lock-timeout): retrying later may succeed.
enum class ExitCode : int { ok = 0, failure = 1, usage = 2, lock_timeout = 3 };

class Error {
 public:
  // A labelled extra line printed after the message: {"DETAIL", "..."}, {"CONTEXT", "..."}.
  using Detail = std::pair<std::string, std::string>;

  explicit Error(std::string message, SourceLocation location = {},
                 ExitCode code = ExitCode::failure)
      : message_(std::move(message)), location_(std::move(location)), code_(code) {}

  Error& hint(std::string text) {
    hints_.push_back(std::move(text));
    return *this;
  }
  Error& detail(std::string label, std::string text) {
    details_.emplace_back(std::move(label), std::move(text));
    return *this;
  }
  // The SQLSTATE of a server error ("42P01"); empty for pum's own errors.
  Error& sqlstate(std::string state) {
    sqlstate_ = std::move(state);
    return *this;
  }
  Error& at(SourceLocation location) {
    location_ = std::move(location);
    return *this;
  }
  // Prefixes the message with context, e.g. "while applying changelog 1.2.3".
  Error& prefix(const std::string& text) {
    message_ = text + message_;
    return *this;
  }

  [[nodiscard]] const std::string& message() const { return message_; }
  [[nodiscard]] const std::vector<std::string>& hints() const { return hints_; }
  [[nodiscard]] const std::vector<Detail>& details() const { return details_; }
  [[nodiscard]] const SourceLocation& location() const { return location_; }
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
  [[nodiscard]] ExitCode code() const { return code_; }

  // "file:line:col: message" (location omitted when unknown) — what tests compare.
  [[nodiscard]] std::string what() const;

 private:
  std::string message_;
  SourceLocation location_;
  ExitCode code_;
  std::vector<std::string> hints_;
  std::vector<Detail> details_;
  std::string sqlstate_;
};

// A usage error: exit code 2, as argparse does.
inline Error usage_error(std::string message) {
  return Error(std::move(message), {}, ExitCode::usage);
}

}  // namespace pum
