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

// The JSON report of baseline (`--json`, docs/schemas/baseline.schema.json): the version
// recorded, in which table, whether the table was created, and for --from-pum0x the pum 0.x
// table it was read from.
struct BaselineReport {
  std::string module;
  std::string table;
  std::string version;
  std::optional<std::string> previous;  // the highest version recorded before (null: none)
  bool table_created = false;
  std::optional<std::string> from_pum0x;  // the pum 0.x upgrades table adopted
  std::int64_t duration_ms = 0;
};
void print_baseline_report(const BaselineReport& report);

}  // namespace pum::run
