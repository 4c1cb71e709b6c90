#pragma once
// Deciding what install / upgrade / baseline do, as pure functions (STYLE.md practice 6):
// version directories on disk × rows of the tracking table × flags → the migrations to run, or
// a pum::Error. Nothing here touches the database, the file system or the hooks; the executor
// (src/pum/run) does what the Plan says.
//
// Every comparison is numeric PEP 440: 1.10.0 is after 1.9.0 and 1.2 is 1.2.0,
// whatever text order the `version` column would give.
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/changelog/version.hpp"

namespace pum::plan {

// One row of the tracking table, in any order. The caller parses the `version` column.
struct Applied {
  Version version;
  std::string module;
  bool beta_testing = false;
};

struct PlanOptions {
  // --max-version: migrations above it are left for a later run (inclusive bound).
  std::optional<Version> max_version;
  // --skip-baseline-check: versions at or below the current one without their own row are
  // skipped instead of refused (a database restored from a dump and then baselined).
  bool skip_baseline_check = false;
};

struct Plan {
  // The version the database is at before the run: the highest applied version.
  // Empty for install.
  std::optional<Version> current;
  // What to execute, ascending. Pointers into the `migrations` argument.
  std::vector<const Migration*> to_apply;
  // Versions at or below `current` that have no row and were let through by
  // --skip-baseline-check (for the log: "skipping 0.1.0 ..."). Empty otherwise.
  std::vector<const Migration*> skipped_below_baseline;
  // The module and beta-testing flag of the row(s) at `current` — the row pum 1.x calls the
  // latest one, chosen here numerically — for the caller's checks of upgrade steps 2–3 (module
  // mismatch, beta testing without --force) and for the beta flag of the new rows. When several
  // rows hold the current version (1.2 and 1.2.0), `current_module` is the first one given and
  // `current_beta_testing` is true if any of them is.
  std::string current_module;
  bool current_beta_testing = false;
};

// The highest applied version, numerically; empty when there is no row.
std::optional<Version> current_version(const std::vector<Applied>& applied);

// install: every migration <= max_version, ascending.
// `migrations` must be ascending (as load_changelog_dir returns them).
// Throws when there is nothing to install (no migration, or max_version below the first one):
// pum 1.x would create an empty tracking table and crash after the hooks.
Plan plan_install(const std::vector<Migration>& migrations, const PlanOptions& options);

// upgrade: current = the highest applied version. Every migration
// <= max_version and <= current must have its own row unless skip_baseline_check (then it is
// listed in skipped_below_baseline); every migration > current and <= max_version is applied.
//
// Throws when:
//  - there is no row at all (nothing is installed: use install, or baseline an existing
//    database);
//  - a migration <= current was never applied and skip_baseline_check is off: "changelog
//    version X is lower than or equal to the current version Y but not applied" (pum 1.8's words);
//  - the database is ahead of the changelogs (current > the last migration): upgrading would
//    run this release's hooks on a newer schema;
//  - current lies within the changelogs but has no directory (removed or renamed), unless
//    skip_baseline_check.
// Where the spec is silent: a current version *below* the first migration is accepted (a
// database baselined before the module's first changelog, e.g. one set up by another tool);
// max_version below current is a no-op, as in pum.
Plan plan_upgrade(const std::vector<Migration>& migrations, const std::vector<Applied>& applied,
                  const PlanOptions& options);

// `pum baseline -b V`: V must be a plain release (X.Y or X.Y.Z, the only form pum can record)
// and greater than the current version ("Cannot set baseline X as it is already set at Y.", as
// pum). Throws pum::Error otherwise.
void check_baseline(const Version& version, const std::vector<Applied>& applied);

}  // namespace pum::plan
