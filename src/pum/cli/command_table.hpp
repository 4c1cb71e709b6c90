#pragma once
// One table of sub-commands: name, summary, how it adds its flags, what it runs. Help text comes
// from the same table. Adding a command = one row + one setup/handler pair, in the group file of
// its feature (commands_core.cpp, commands_roles.cpp, commands_check.cpp, commands_ops.cpp,
// commands_flat.cpp, commands_fleet.cpp); the option values of a group's commands are a struct
// of CliState, which cli::run builds afresh for every command line: a setup binds its flags to
// fields of the state it is given, the handler reads them there. No option value lives in a
// global (cli::run runs more than once in a process: fleet's children, tests).
#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pum/check/compare_databases.hpp"
#include "pum/ops/options.hpp"
#include "pum/roles/actions.hpp"
#include "pum/run/options.hpp"

namespace pum::cli {

// check, drift (commands_check.cpp).
struct CheckCliOptions {
  std::string compared;  // check's positional connection
  check::Selection selection;
  std::string format = "text";
  std::string output_file;
  std::string scratch;       // drift --scratch
  std::string scratch_name;  // drift --scratch-name
};

// role (commands_roles.cpp).
struct RoleCliOptions {
  std::string action;
  roles::ActionOptions options;
};

// db, dump, restore (commands_ops.cpp).
struct OpsCliOptions {
  std::string db_action;
  ops::DbOptions db;
  std::string dump_format = "plain";
  ops::DumpOptions dump;
  ops::RestoreOptions restore;
};

// The flat layout's commands (commands_flat.cpp).
struct FlatCliOptions {
  std::string schema;
  std::string module;
  std::string table;  // empty: .pum.yaml, else schema_migrations
  bool dry_run = false;
  bool rehearse = false;
  std::string max_version;
  std::optional<int> limit;
  std::string name;
  std::string accept;
  std::string reason;
  std::string to;
  std::optional<int> steps;
};

// pum fleet (commands_fleet.cpp).
struct FleetCliOptions {
  std::string action;
  std::string targets_file;
  std::string databases;
  std::string schemas;
  std::string exclude;
  std::optional<std::size_t> jobs;
  bool keep_going = false;
  std::size_t canary = 0;
  bool json = false;
  // Passed on to every target's command.
  std::string max_version;
  std::string to;
  std::optional<int> steps;
  std::string module;
  std::string migrations_table;
  std::string reference;       // check: the database every target is compared with
  std::string scratch;         // drift: where the scratch databases are created
  check::Selection selection;  // check, drift: what is compared
};

// Everything the command line can set, bound to CLI11 options.
struct CliState {
  run::Global global;
  std::string dir = ".";
  std::string config_file;
  int verbose = 0;
  bool quiet = false;
  std::optional<double> lock_timeout;
  std::vector<std::pair<std::string, std::string>> parameters;  // -p NAME VALUE of the sub-command
  bool json = false;  // --json of the commands that report something
  run::InstallOptions install;
  run::UpgradeOptions upgrade;
  run::BaselineOptions baseline;
  std::string from_pum0x;  // baseline --from-pum0x SCHEMA.TABLE (run/adopt_pum0x.hpp)
  run::RollbackOptions rollback;
  run::AppOptions app;
  std::string app_action;
  run::UninstallOptions uninstall;
  CheckCliOptions check;
  RoleCliOptions role;
  OpsCliOptions ops;
  FlatCliOptions flat;
  FleetCliOptions fleet;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  void (*setup)(CLI::App& sub, CliState& state);
  // Returns the exit code.
  int (*handler)(CliState& state);
};

// Every command, in help order: the groups concatenated.
std::vector<Command> command_table();

std::span<const Command> core_commands();   // info install upgrade baseline app uninstall
std::span<const Command> roles_commands();  // role
std::span<const Command> check_commands();  // check drift
// What check and drift compare (-i, --include, -N, -P, --include-migrations-table): also
// offered by fleet check and fleet drift.
void add_selection_options(CLI::App& sub, check::Selection& selection);
std::span<const Command> ops_commands();    // db dump restore
std::span<const Command> flat_commands();   // the flat layout's upgrade info history new verify
std::span<const Command> fleet_commands();  // fleet (either layout)

// The project layouts the 1.x-style command line serves; each has its own command table.
enum class CommandLayout { pum1x, flat };

// The commands of a layout, in help order.
std::vector<Command> command_table(CommandLayout layout);

// -p NAME VALUE (repeatable) of a sub-command.
void add_parameter_option(CLI::App& sub, std::vector<std::pair<std::string, std::string>>& into);
// --lock-timeout SECONDS of a sub-command that takes the migrations lock.
void add_lock_timeout(CLI::App& sub, std::optional<double>& into);

}  // namespace pum::cli
