#pragma once
// What is pending for the layouts whose tracking table records each migration under its own key
// (pum 0.x deltas: version, name and type; flat files: the file name), as a pure function:
// migrations of the source × rows of the table × flags → the migrations to run, in order.
// (pum 1.x changelogs, whose table records versions, are planned by plan.hpp.)
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/changelog/version.hpp"
#include "pum/layout/layout.hpp"

namespace pum::plan {

// What a migration at or below the current version without a row of its own means.
enum class BelowCurrent {
  refuse,  // an error: it was skipped (pum 1.x without --skip-baseline-check)
  skip,    // it is older than the baseline: never run (pum 0.x)
  apply,   // it is pending like any other (flat files: numbers are names, not a sequence)
};

// What an applied migration whose file changed since (another checksum) means.
enum class ChangedFile {
  refuse,  // stop before anything runs (flat files, as pgdbm)
  warn,    // say so and go on (pum 0.x: identified by name, not by content)
};

struct PendingOptions {
  std::optional<Version> max_version;  // inclusive
  BelowCurrent below_current = BelowCurrent::apply;
};

struct Pending {
  // The highest version among the successful rows; empty when there is none.
  std::optional<Version> current;
  // Pointers into the `migrations` argument, in source order.
  std::vector<const Migration*> to_apply;
  // Migrations with a row whose checksum differs from the file's (both known, listed only for
  // migrations whose files were read), with that row.
  struct Changed {
    const Migration* migration;
    const layout::AppliedMigration* row;
  };
  std::vector<Changed> changed;
  // Rows whose key matches no migration of the source (a file deleted or renamed after it ran).
  std::vector<const layout::AppliedMigration*> unknown_rows;
};

// Throws pum::Error for a migration at or below the current version without a row when
// below_current is refuse. Rows with success = false are not applied. Baseline rows count for the
// current version only.
Pending plan_pending(const std::vector<Migration>& migrations,
                     const std::vector<layout::AppliedMigration>& applied,
                     const PendingOptions& options);

}  // namespace pum::plan
