#pragma once
// The JSON report of install and upgrade, pum 1.x and flat (`--json`): what ran or would run, and
// whether it was committed; one document on stdout (docs/schemas/run.schema.json), the log stays on
// stderr.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/run/unit.hpp"

namespace pum::run {

// The labels of prepared files, per migration (RunReport::files).
std::vector<std::vector<std::string>> file_labels(const std::vector<std::vector<Unit>>& units);

struct RunReport {
  std::string command;  // install, upgrade
  std::string mode;     // run, dry_run, rehearsal
  std::string module;
  std::string table;
  std::optional<std::string> from;              // the installed version before (null: none)
  std::vector<const Migration*> migrations;     // applied (or to apply), in order
  std::vector<std::vector<std::string>> files;  // of each migration, as the log names them
  std::vector<std::int64_t> durations_ms;       // per migration; empty for a dry run
  bool committed = false;
  std::int64_t duration_ms = 0;  // of the whole command
};

// Writes the document on stdout.
void print_run_report(const RunReport& report);

}  // namespace pum::run
