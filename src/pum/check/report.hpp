#pragma once
// The result of a comparison, as pum 1.8's ComparisonReport: one CheckResult per executed
// check, each a list of rows only in the first database (removed, "-") or only in the second
// (added, "+").
#include <cstddef>
#include <string>
#include <vector>

#include "pum/check/kinds.hpp"
#include "pum/check/row.hpp"

namespace pum::check {

enum class DiffType { removed, added };

struct Difference {
  DiffType type;
  Row row;
};

struct CheckResult {
  Kind kind;
  std::vector<Difference> differences;  // removed first, then added; each sorted

  [[nodiscard]] bool passed() const { return differences.empty(); }
};

struct Report {
  std::string connection1;  // how to name the databases (passwords redacted)
  std::string connection2;
  std::string timestamp;  // local time, ISO 8601 without zone, as Python's datetime.isoformat()
  std::vector<CheckResult> results;

  [[nodiscard]] bool passed() const;
  [[nodiscard]] std::size_t passed_checks() const;
  [[nodiscard]] std::size_t failed_checks() const { return results.size() - passed_checks(); }
  [[nodiscard]] std::size_t total_differences() const;
};

// The current local time as Python's datetime.now().isoformat(): 2026-07-09T14:03:27.123456.
std::string local_timestamp();

}  // namespace pum::check
