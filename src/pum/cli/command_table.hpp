#pragma once
// One table of sub-commands: name, summary, how it adds its flags, what it runs. Help text comes
// from the same table. Adding a command = one row + one setup/handler pair, in the group file of
// its feature (commands_core.cpp, commands_roles.cpp, commands_check.cpp, commands_ops.cpp);
// a group keeps the option values of its commands in its own file.
#include <CLI/CLI.hpp>
#include <span>
#include <string_view>
#include <vector>

#include "pum/run/options.hpp"

namespace pum::cli {

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
  run::RollbackOptions rollback;
  run::AppOptions app;
  std::string app_action;
  run::UninstallOptions uninstall;
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
