#pragma once
// The layout-independent engine: plan what is pending from a MigrationSource and a Tracking,
// then run it under the layout's lock, recording each migration in the same message as the next
// one's SQL. pum 0.x upgrade and the flat layout's upgrade go through upgrade_layout; pum 1.x
// install/upgrade, which wrap the same apply step in hooks, roles and their own checks, call
// apply_migrations.
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/db/transaction.hpp"
#include "pum/layout/layout.hpp"
#include "pum/plan/pending.hpp"
#include "pum/run/file_rules.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/unit.hpp"
#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"

namespace pum::run {

using BelowCurrent = plan::BelowCurrent;
using ChangedFile = plan::ChangedFile;

enum class Atomicity {
  whole_run,      // one transaction for the run (pum 1.x; flat, split only by no-transaction files)
  per_migration,  // one transaction per migration (pum 0.x, as it commits each delta)
};

struct LayoutRun {
  layout::MigrationSource& source;
  layout::Tracking& tracking;
  FileRules rules;
  BelowCurrent below_current = BelowCurrent::refuse;
  ChangedFile changed_file = ChangedFile::refuse;
  Atomicity atomicity = Atomicity::whole_run;
  // Runs a Python migration file (pum 0.x .py deltas); null when the layout has none.
  std::function<void(db::Connection&, const Migration&, const MigrationFile&)> run_python;
  // Told when a migration starts and when it is done (and recorded); for the layout's own output
  // ("Applying delta 0.5.0 001_x... OK"). Null: the engine logs "Applying <display>".
  std::function<void(const Migration&)> on_start;
  std::function<void(const Migration&, std::int64_t duration_ms)> on_done;
  // How messages name a migration ("version 1.2.3"); null: Migration::display.
  std::function<std::string(const Migration&)> describe;
  // Log "Executing <file>" as each file starts.
  bool log_files = true;
  // The run's lifecycle hooks (pre_execute, post_execute around each migration); may be null.
  Lifecycle* lifecycle = nullptr;
};

struct UpgradeRequest {
  std::optional<double> lock_timeout;  // seconds
  std::optional<Version> max_version;  // inclusive
  bool dry_run = false;                // print the plan, change nothing (no table, no lock kept)
  bool create_tracking = true;         // create the tracking table when missing
  std::string module;                  // recorded in each row (flat: module_name)
  nlohmann::json parameters = nlohmann::json::object();
  // Runs everything (hooks included) inside the transaction, then rolls it back: the proof that
  // the upgrade goes through, with each migration's duration.
  bool rehearse = false;
};

struct UpgradeResult {
  std::optional<Version> from;        // the highest applied version before the run
  std::vector<Migration> migrations;  // everything listed from the source
  std::vector<std::size_t> applied;   // indexes into migrations, in the order they ran
  std::vector<std::int64_t> durations_ms;
  bool dry_run = false;
};

// The generic upgrade on `conn` (opened by the caller, which built the layout's Tracking on it;
// no transaction open): lists, takes the lock, reads the rows, reads the applied migrations'
// files to compare checksums, plans, and applies what is pending. Throws pum::Error (nothing
// half-applied except what the layout's atomicity committed) on any failure.
UpgradeResult upgrade_layout(db::Connection& conn, LayoutRun& layout,
                             const UpgradeRequest& request);

struct RollbackRequest {
  std::optional<double> lock_timeout;
  // Undo every applied migration above this version (newest first)...
  std::optional<Version> to;
  // ... or the last N applied ones.
  std::optional<int> steps;
  bool dry_run = false;
};

struct RollbackResult {
  std::vector<Migration> migrations;  // everything listed from the source
  std::vector<std::size_t> undone;    // indexes into migrations, in the order they were undone
  std::optional<Version> now;         // the highest applied version after the rollback
};

// The generic rollback on `conn` (no transaction open): takes the lock, reads the rows, picks the
// applied migrations to undo (newest first), refuses before anything runs when any of them has
// no down script (naming every one), then in ONE transaction per migration fires pre_rollback,
// runs its down files, forgets its row (Tracking::unrecord_sql), fires post_rollback, and
// commits once at the end. `around` runs inside the transaction before and after (pum 1.x's drop
// and create application hooks); may be null.
RollbackResult rollback_layout(db::Connection& conn, LayoutRun& layout,
                               const RollbackRequest& request,
                               const std::function<void(bool before)>& around = {});

// Prints what a run would do, in order: pre_validate hooks, then per migration its pre_execute
// hooks, files and post_execute hooks, then post_complete hooks; with -v (debug level) the final
// SQL of each file. `before`/`after` add lines of the caller (pum 1.x's drop and create hooks).
void print_plan(const LayoutRun& layout, const std::vector<const Migration*>& pending,
                const std::vector<std::vector<Unit>>& units, const std::string& title,
                const std::vector<std::string>& before = {},
                const std::vector<std::string>& after = {});

// Reads and prepares the files of `pending` under the layout's rules, before anything runs
// (every file-level error stops the run while the database is untouched). Python files get an
// empty unit.
std::vector<std::vector<Unit>> prepare_pending(LayoutRun& layout,
                                               const std::vector<Migration*>& pending);

// Applies prepared migrations in order inside `transaction` (whole_run: one for the run, ended
// and reopened only around a migration that cannot run in a transaction; per_migration: one per
// migration, committed after its row). Each migration is recorded with `base` (module, beta
// flag, parameters) through Tracking::record_sql, in the same message as the next migration's
// SQL. Durations of each migration are appended to `durations` when given.
void apply_migrations(db::Connection& conn, LayoutRun& layout,
                      const std::vector<const Migration*>& pending,
                      const std::vector<std::vector<Unit>>& units, const layout::Record& base,
                      std::optional<db::Transaction>& transaction,
                      std::vector<std::int64_t>* durations = nullptr);

}  // namespace pum::run
