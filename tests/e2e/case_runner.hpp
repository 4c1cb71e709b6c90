#pragma once

// Runs one end-to-end case directory (tests/e2e/cases/<name>/case.yaml, format in README.md):
// a fresh database (and a second one when the case uses {conn2}/{db2}), a copy of the case's
// project directory, then the steps in order. The first failing step ends the case.

#include <stdexcept>
#include <string>
#include <vector>

namespace e2e {

// A case failed; what() says which step, what was expected and what happened.
class CaseFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The case says `known_bug: <what>` and failed as that bug predicts: the test is reported as
// skipped with what() saying which bug and how the case failed, so the bug stays visible
// without failing the suite. A known_bug case that passes is a CaseFailure (remove the marker).
class KnownBug : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The names of the case directories (those holding a case.yaml), sorted.
std::vector<std::string> list_cases(const std::string& cases_dir);

// Loads cases_dir/name/case.yaml and checks its shape (keys, step kinds, value types, snapshot
// names) without running anything. Throws CaseFailure.
void check_case(const std::string& cases_dir, const std::string& name);

// Runs the case `cases_dir/name` with the pum binary at `pum_binary`. Throws CaseFailure (or
// std::runtime_error for a broken environment) when it fails, KnownBug when a case marked
// `known_bug` fails. The temporary directory and the
// databases are removed after a pass and kept after a failure (the message says where), or
// always kept when PUM_E2E_KEEP is set.
void run_case(const std::string& cases_dir, const std::string& name, const std::string& pum_binary);

// The binary under test: $PUM_E2E_BINARY when set (to try the cases against another build),
// else `built_in`.
std::string pum_binary_path(const std::string& built_in);

}  // namespace e2e
