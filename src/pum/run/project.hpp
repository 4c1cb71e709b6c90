#pragma once
// Loading what a command needs from the module directory, and the pieces every command shares:
// hooks prepared before anything runs, the session (connection + transaction + lock).
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/config/config.hpp"
#include "pum/db/cancel_on_signal.hpp"
#include "pum/db/connection.hpp"
#include "pum/db/transaction.hpp"
#include "pum/history/migrations_table.hpp"
#include "pum/pum1x/pum_migrations_tracking.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/options.hpp"
#include "pum/run/unit.hpp"

namespace pum::run {

config::Config load_project_config(const Global& global);
// Every version directory with its files listed (install, drift).
std::vector<Migration> load_migrations(const config::Config& config);
// Only the version directories (upgrade): list_pending_files then reads those it will apply.
std::vector<Migration> load_migration_versions(const config::Config& config);
// Lists the files of the migrations in `pending` (pointers into `migrations`).
void list_pending_files(std::vector<Migration>& migrations,
                        const std::vector<const Migration*>& pending);

// --max-version and friends: nullopt when not given; throws pum::Error (exit 1, as pum) naming
// the flag when the text is not a version.
std::optional<Version> parse_version_option(const std::optional<std::string>& text,
                                            const char* flag);

enum class HookKind { drop, create, uninstall };

// Reads, checks and renders hooks with the full parameter set (Python hooks: a clear error).
std::vector<Unit> prepare_hooks(const config::Config& config,
                                const std::vector<config::Hook>& hooks, const Parameters& params);
// The drop and create hooks of a command, prepared before anything runs (empty when skipped).
struct AppHooks {
  std::vector<Unit> drop;
  std::vector<Unit> create;
};
AppHooks prepare_app_hooks(const config::Config& config, const Parameters& params, bool with_drop,
                           bool with_create);

// Runs prepared hooks in order, logging "Executing <kind> handler: <label>".
void run_hooks(db::Connection& conn, const std::vector<Unit>& hooks, HookKind kind);

// Reads, checks and renders the files of the migrations to apply. Changelogs may not use
// app_only parameters (their value may change from run to run).
std::vector<std::vector<Unit>> prepare_migrations(const config::Config& config,
                                                  const std::vector<const Migration*>& migrations,
                                                  const Parameters& all_params);

// The command's connection: opened from -p, or the Python API's borrowed one.
db::Connection open_connection(const Global& global);

// Connection + transaction + migrations lock, in that order. On the Python API's borrowed
// connection the caller's transaction is joined (db::Transaction::Join), signals are left to
// Python, and commit() commits only when global.commit says so.
// Unlocked: the connection alone, for the commands that only read or that take the lock
// themselves (rollback_layout).
struct Session {
  struct Unlocked {};

  db::Connection conn;
  std::optional<db::CancelOnSignal> cancel_on_signal;
  // Open until commit() (none in an unlocked session); optional so that the engine can end and
  // reopen it.
  std::optional<db::Transaction> transaction;
  pum1x::PumMigrationsTracking tracking;
  history::MigrationsTable& table;

  Session(const Global& global, const config::Config& config);
  Session(const Global& global, const config::Config& config, Unlocked);
  void commit() {
    if (commit_) transaction->commit();
  }

 private:
  bool commit_ = true;
};

// The row of the highest version (numeric order, ties: latest date_installed).
// Throws pum::Error when a stored version cannot be parsed.
const history::MigrationRow* latest_row(const std::vector<history::MigrationRow>& rows,
                                        const std::string& table_name);

// Applies prepared changelog versions in order through the engine, one pum_migrations row each
// (install and upgrade), logging pum 1.x's lines.
void apply_changelogs(Session& session, const config::Config& config,
                      const std::vector<const Migration*>& migrations,
                      const std::vector<std::vector<Unit>>& units, const Parameters& params,
                      bool beta_testing, Lifecycle* lifecycle = nullptr,
                      std::vector<std::int64_t>* durations = nullptr);

// The engine's view of the pum 1.x layout: changelog directories, pum_migrations, pum 1.x file
// rules with `params`, pum 1.x's log lines.
struct LayoutRun;
}  // namespace pum::run
namespace pum::pum1x {
class ChangelogSource;
}
namespace pum::run {
LayoutRun changelog_layout(pum1x::ChangelogSource& source, layout::Tracking& tracking,
                           const config::Config& config, const Parameters& params,
                           Lifecycle* lifecycle);

// The pum_migrations tables of these schemas as messages name them ("a.pum_migrations").
std::vector<std::string> table_names(const std::vector<std::string>& schemas);

std::string migration_dir_display(const config::Config& config, const Migration& migration);

}  // namespace pum::run
