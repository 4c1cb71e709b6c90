#pragma once
// The lifecycle hooks of a run (docs/hooks.md): SQL (file or code) and command hooks of the
// `hooks:` section, and Python hooks (configured module functions and the project's
// pum_hooks.py), fired by the engine at each event with a context. A project without lifecycle
// hooks pays nothing: no file is read twice, Python is not started.
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/hooks/lifecycle_python.hpp"
#include "pum/params/value.hpp"
#include "pum/util/error.hpp"

namespace pum::run {

using config::Event;

// What a hook is told about the moment it runs (the seed's HookContext, without metadata, which
// lives on the Python side for the whole run).
struct EventContext {
  const Migration* migration = nullptr;  // null for run-level events
  std::string status;                    // pending, applied, error, rolled_back
  std::int64_t duration_ms = 0;          // of the migration; of the run for run-level events
  const Error* error = nullptr;          // on_error, and post_execute of a failed migration
};

class Lifecycle {
 public:
  // No hooks at all.
  Lifecycle() = default;
  // The hooks of a project: `config` may be null (layouts without .pum.yaml); `project_dir` is
  // searched for pum_hooks.py (and db/pum_hooks.py); `pg_connection` lets on_error hooks reach
  // the database after the run's connection is gone. Throws pum::Error for an invalid hook
  // (before anything runs).
  Lifecycle(const config::Config* config, const std::filesystem::path& project_dir,
            std::string environment, Parameters parameters, std::string pg_connection);
  ~Lifecycle();
  Lifecycle(Lifecycle&&) noexcept;
  Lifecycle& operator=(Lifecycle&&) noexcept;

  // The run's parameters, once resolved (context.parameters).
  void set_parameters(Parameters parameters) { parameters_ = std::move(parameters); }

  [[nodiscard]] bool empty() const;
  [[nodiscard]] bool has(Event event) const;
  [[nodiscard]] const std::string& environment() const { return environment_; }
  // The hooks of an event, in call order ("SQL .pum.yaml:14", "command ./notify.sh",
  // "python scripts.hooks.log_migration"), for plans and `pum hooks`.
  [[nodiscard]] std::vector<std::string> describe(Event event) const;

  // Runs every hook of the event, in order: SQL and Python hooks on `conn` (inside the run's
  // transaction for pre_validate, pre/post_execute, pre/post_rollback; in a transaction of their
  // own, committed, for post_complete and on_error), command hooks as child processes. Throws
  // pum::Error naming the hook when one fails.
  void fire(Event event, db::Connection* conn, const EventContext& context);

  // on_error: never throws (a failing on_error hook is logged as a warning). Uses `conn` when it
  // is given and healthy, else opens a connection of its own for SQL and Python hooks.
  void fire_on_error(const Error& error, std::int64_t duration_ms, db::Connection* conn = nullptr);

 private:
  nlohmann::json context_json(Event event, const EventContext& context) const;
  void run_sql(const config::LifecycleHook& hook, db::Connection& conn,
               const nlohmann::json& context, bool own_transaction);

  std::vector<config::LifecycleHook> hooks_;
  std::unique_ptr<hooks::PythonLifecycle> python_;
  std::string environment_;
  Parameters parameters_;
  std::string pg_connection_;
  std::string config_display_;
  std::filesystem::path project_dir_;
};

// The environment of a run: --env NAME, else $PUM_ENV, else "development".
std::string resolve_environment(const std::optional<std::string>& from_cli);

}  // namespace pum::run
