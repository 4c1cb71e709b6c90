#pragma once
// What the command line asked for, one struct per command. The CLI fills them; the run
// functions (commands.hpp) never see argv.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct pg_conn;  // libpq's PGconn

namespace pum::config {
struct Config;
}

namespace pum::run {

// -p NAME VALUE pairs, in command-line order.
using ParameterArgs = std::vector<std::pair<std::string, std::string>>;

// Told the installed version before and after a command that changes it, once the change is
// committed (fleet reports them for each target). nullopt: none installed.
using VersionObserver = std::function<void(const std::optional<std::string>& from,
                                           const std::optional<std::string>& to)>;

struct Global {
  std::string pg_connection;               // -p: service name, conninfo or URI
  std::filesystem::path config_file;       // resolved .pum.yaml path
  std::string config_display;              // how to name it in messages
  std::optional<double> lock_timeout;      // --lock-timeout SECONDS
  std::optional<std::string> environment;  // --env NAME (lifecycle hooks' context.environment)
  VersionObserver on_versions;             // may be empty

  // Set by the Python API instead of pg_connection and config_file: the caller's connection
  // (its transaction is joined, see Session) and the configuration it built (PumConfig).
  pg_conn* borrowed_connection = nullptr;
  std::shared_ptr<const config::Config> config;
  // False: the work is left in the caller's open transaction (pum 1.8's commit=False).
  bool commit = true;
};

// --dry-run / --rehearse of the commands that change the database.
struct RunMode {
  bool dry_run = false;   // print the plan, change nothing
  bool rehearse = false;  // run everything, then roll back
  bool json = false;      // install, upgrade: a JSON report on stdout (run_report.hpp)
};

struct InfoOptions {
  bool json = false;  // one JSON document on stdout (docs/schemas/info.schema.json)
};

struct HooksOptions {};

struct InstallOptions {
  ParameterArgs parameters;
  std::optional<std::string> max_version;
  bool skip_roles = false;
  bool skip_grant = false;
  std::optional<std::string> demo_data;
  bool beta_testing = false;
  bool skip_drop_app = false;
  bool skip_create_app = false;
  bool allow_multiple_modules = false;
  RunMode mode;
};

struct UpgradeOptions {
  ParameterArgs parameters;
  std::optional<std::string> max_version;
  bool skip_grant = false;
  bool beta_testing = false;
  bool force = false;
  bool skip_drop_app = false;
  bool skip_create_app = false;
  bool skip_baseline_check = false;
  RunMode mode;
};

struct RollbackOptions {
  ParameterArgs parameters;
  std::optional<std::string> to;  // --to VERSION: undo every version above it
  std::optional<int> steps;       // --steps N: undo the last N versions
  bool dry_run = false;
  bool skip_drop_app = false;
  bool skip_create_app = false;
};

struct BaselineOptions {
  std::string version;
  bool create_table = false;
  bool allow_multiple_modules = false;
  bool json = false;  // one JSON document on stdout (docs/schemas/baseline.schema.json)
};

enum class AppAction { create, drop, recreate };

struct AppOptions {
  AppAction action = AppAction::create;
  ParameterArgs parameters;
  RunMode mode;
};

struct UninstallOptions {
  ParameterArgs parameters;
  bool force = false;
};

}  // namespace pum::run
