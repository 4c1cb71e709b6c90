#pragma once
// The one prelude of the pum 1.x commands. A command declares what it needs (`Needs`, returned
// by its `needs(options)` in commands.hpp); `Context` builds it in one fixed order — the
// configuration, the parameters known without the database, the lifecycle hooks, the changelog
// directories — and opens the session when the command asks (after what it must check and
// prepare first): connection, transaction, lock, the tracking table read and checked against
// the command's `plan::Expect`, the parameters resolved against the stored ones.
// `run_command` is how the CLI and the Python API run a command on it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/config/config.hpp"
#include "pum/history/migration_row.hpp"
#include "pum/plan/installed.hpp"
#include "pum/plan/plan.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/options.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"

namespace pum::run {

enum class Changelogs {
  none,
  versions,  // the version directories only; list_pending_files reads those a plan applies
  listed,    // every directory with its files
};

enum class Access {
  none,
  read,    // a plain connection, no transaction, no lock (info, rollback, install --dry-run)
  locked,  // Session: transaction and migrations lock
};

enum class ParameterSource {
  none,
  // -p, else the default: resolved when the context is built (install).
  command_line,
  // -p, else the value stored by the installation, else the default: resolved when the session
  // opens, once the latest row is known.
  installation,
};

struct Needs {
  // info and baseline run no hook: as pum 1.x (validate=False), a hook file missing from a
  // partial checkout is a warning, not an error.
  bool hook_files_may_be_missing = false;
  Changelogs changelogs = Changelogs::none;
  // The lifecycle hooks of `hooks:` (install, upgrade, rollback, hooks).
  bool lifecycle = false;
  // on_error hooks fire for a failure once the lifecycle is loaded (not for dry runs).
  bool on_error = false;
  Access access = Access::none;
  // Whether the tracking table is looked at when the session opens, and what it must say.
  bool read_history = false;
  plan::Expect expect;
  ParameterSource parameters = ParameterSource::none;
  const ParameterArgs* parameter_args = nullptr;  // -p, for any source but none
  // pum's rule: a non-app_only -p value must equal the stored one.
  bool consistent_parameters = false;
};

// The tracking table as the session found it (empty when not read).
struct History {
  bool exists = false;
  std::vector<history::MigrationRow> rows;
  const history::MigrationRow* latest = nullptr;  // the row of the highest version, in rows

  // The rows as the planner takes them (every version parses: latest_row checked them).
  [[nodiscard]] std::vector<plan::Applied> applied() const;
  [[nodiscard]] const nlohmann::json* stored_parameters() const {
    return latest != nullptr ? &latest->parameters : nullptr;
  }
};

class Context {
 public:
  // Throws pum::Error for a configuration, parameter or changelog directory pum refuses.
  Context(const Global& global, Needs needs);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const Global& global;
  const Needs needs;
  const std::chrono::steady_clock::time_point started;
  config::Config config;
  std::vector<Migration> migrations;  // per needs.changelogs
  ResolvedParameters params;          // per needs.parameters (after open_session for installation)
  std::optional<Lifecycle> lifecycle;
  History history;  // per needs.read_history, after open_session

  // Opens the session of needs.access (once), reads and checks the tracking table, resolves the
  // parameters from the installation. Throws the refusals of plan::check_installed.
  Session& open_session();
  Session& session() { return *session_; }

  [[nodiscard]] std::int64_t elapsed_ms() const;
  // For a failed command: ends the session (its transaction rolls back, the lock is released),
  // then fires on_error when the command declared it. Never throws.
  void fail(const Error& error);

 private:
  void read_history();
  std::optional<Session> session_;
};

// Builds the context the command declares and runs the command on it; on a pum::Error the
// session is ended and on_error fires before the error goes on up.
template <class Options, class Command>
auto run_command(const Global& global, const Options& options, Command command) {
  Context context(global, needs(options));
  try {
    return command(context, options);
  } catch (const Error& error) {
    context.fail(error);
    throw;
  }
}

}  // namespace pum::run
