#pragma once
// One table of sub-commands: name, summary, how it adds its flags, what it runs. Help text comes
// from the same table. Adding a command = one row + one setup/handler pair.
#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

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
  run::InstallOptions install;
  run::UpgradeOptions upgrade;
  run::BaselineOptions baseline;
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

std::span<const Command> command_table();

}  // namespace pum::cli
