#include <cstdlib>
#include <string>

#include "pum/cli/command_table.hpp"
#include "pum/run/adopt_pum0x.hpp"
#include "pum/run/commands.hpp"
#include "pum/util/error.hpp"

namespace pum::cli {

void add_parameter_option(CLI::App& sub, std::vector<std::pair<std::string, std::string>>& into) {
  sub.add_option("-p,--parameter", into,
                 "Set a parameter declared in .pum.yaml; one -p per parameter: -p a 1 -p b 2")
      ->type_size(2)
      ->allow_extra_args(false)
      ->type_name("NAME VALUE");
}

void add_lock_timeout(CLI::App& sub, std::optional<double>& into) {
  sub.add_option("--lock-timeout", into,
                 "Give up after waiting this many seconds for another pum run on the same "
                 "database (default: wait)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            char* end = nullptr;
            double value = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || !(value >= 0.0) || value > 1e7) {
              return "expects a number of seconds (0 or more), got '" + text + "'";
            }
            return {};
          },
          ""))
      ->type_name("SECONDS");
}

namespace {

void setup_info(CLI::App& sub, CliState& state) {
  sub.add_flag("--json", state.json,
               "One JSON document on stdout: the installed version, the pending changelogs, "
               "every row (docs/schemas/info.schema.json)");
}
int run_info(CliState& state) {
  run::run_command(state.global, run::InfoOptions{state.json}, run::info);
  return 0;
}

void add_run_mode(CLI::App& sub, run::RunMode& mode);
void add_json_report(CLI::App& sub, run::RunMode& mode);

void setup_install(CLI::App& sub, CliState& state) {
  auto& o = state.install;
  add_run_mode(sub, o.mode);
  add_json_report(sub, o.mode);
  add_parameter_option(sub, state.parameters);
  sub.add_option("--max-version", o.max_version,
                 "Install changelogs up to and including this version");
  sub.add_flag("--skip-roles", o.skip_roles, "Do not create the roles of .pum.yaml");
  sub.add_flag("--skip-grant", o.skip_grant, "Do not grant permissions to the roles");
  sub.add_option("-d,--demo-data", o.demo_data, "Load this demo data set after the install");
  sub.add_flag("--beta-testing", o.beta_testing,
               "Mark the installation as beta testing (later upgrades need --force)");
  sub.add_flag("--skip-drop-app", o.skip_drop_app, "Do not run the application drop hooks");
  sub.add_flag("--skip-create-app", o.skip_create_app, "Do not run the application create hooks");
  sub.add_flag("--allow-multiple-modules", o.allow_multiple_modules,
               "Allow another module's pum_migrations table in another schema");
  add_lock_timeout(sub, state.lock_timeout);
}
int run_install(CliState& state) {
  state.install.parameters = state.parameters;
  run::run_command(state.global, state.install, run::install);
  return 0;
}

// --dry-run and --rehearse of a command that changes the database.
void add_run_mode(CLI::App& sub, run::RunMode& mode) {
  auto* dry = sub.add_flag("--dry-run", mode.dry_run,
                           "Print what would run, in order, with the hooks of each event (-v: the "
                           "final SQL); change nothing");
  auto* rehearse = sub.add_flag("--rehearse", mode.rehearse,
                                "Run everything for real inside the transaction, then roll back");
  dry->excludes(rehearse);
}

// --json of install and upgrade (run/run_report.hpp).
void add_json_report(CLI::App& sub, run::RunMode& mode) {
  sub.add_flag("--json", mode.json,
               "A JSON report on stdout: the versions applied (or, with --dry-run, to apply), "
               "their files and durations, whether committed (docs/schemas/run.schema.json)");
}

void setup_upgrade(CLI::App& sub, CliState& state) {
  auto& o = state.upgrade;
  add_run_mode(sub, o.mode);
  add_json_report(sub, o.mode);
  add_parameter_option(sub, state.parameters);
  sub.add_option("-u,--max-version", o.max_version, "Upgrade up to and including this version");
  sub.add_flag("--skip-grant", o.skip_grant, "Do not create roles nor grant permissions");
  sub.add_flag("--beta-testing", o.beta_testing, "Record the new versions as beta testing");
  sub.add_flag("--force", o.force, "Allow upgrading an installation marked beta testing");
  sub.add_flag("--skip-drop-app", o.skip_drop_app, "Do not run the application drop hooks");
  sub.add_flag("--skip-create-app", o.skip_create_app, "Do not run the application create hooks");
  sub.add_flag("--skip-baseline-check", o.skip_baseline_check,
               "Do not require a row for every changelog up to the current version (after a "
               "restore + baseline)");
  add_lock_timeout(sub, state.lock_timeout);
}
int run_upgrade(CliState& state) {
  state.upgrade.parameters = state.parameters;
  run::run_command(state.global, state.upgrade, run::upgrade);
  return 0;
}

void setup_baseline(CLI::App& sub, CliState& state) {
  auto& o = state.baseline;
  auto* version = sub.add_option("-b,--baseline", o.version, "Version to record (X.Y or X.Y.Z)");
  sub.add_option("--from-pum0x", state.from_pum0x,
                 "Adopt a pum 0.x database: record the highest version of its upgrades table "
                 "(SCHEMA.TABLE, e.g. public.pum) as the baseline, leaving that table as it is")
      ->type_name("SCHEMA.TABLE")
      ->excludes(version);
  sub.add_flag("--create-table", o.create_table, "Create the pum_migrations table if missing");
  sub.add_flag("--allow-multiple-modules", o.allow_multiple_modules,
               "Allow another module's pum_migrations table in another schema");
  sub.add_flag("--json", o.json,
               "Write a JSON report on stdout: the version recorded, the table, whether it was "
               "created (docs/schemas/baseline.schema.json)");
  add_lock_timeout(sub, state.lock_timeout);
}
int run_baseline(CliState& state) {
  if (!state.from_pum0x.empty()) {
    run::adopt_pum0x(state.global, state.baseline, state.from_pum0x);
    return 0;
  }
  if (state.baseline.version.empty()) throw usage_error("--baseline is required");
  run::run_command(state.global, state.baseline, run::baseline);
  return 0;
}

void setup_rollback(CLI::App& sub, CliState& state) {
  auto& o = state.rollback;
  sub.add_option("--to", o.to, "Undo every applied version above this one")->type_name("VERSION");
  sub.add_option("--steps", o.steps, "Undo the last N applied versions")->type_name("N");
  sub.add_flag("--dry-run", o.dry_run,
               "Print what would be undone, in order (-v: the final SQL); change nothing");
  add_parameter_option(sub, state.parameters);
  sub.add_flag("--skip-drop-app", o.skip_drop_app, "Do not run the application drop hooks");
  sub.add_flag("--skip-create-app", o.skip_create_app, "Do not run the application create hooks");
  add_lock_timeout(sub, state.lock_timeout);
}
int run_rollback(CliState& state) {
  const run::RollbackOptions& o = state.rollback;
  if (o.to.has_value() == o.steps.has_value()) {
    throw usage_error("rollback needs exactly one of --to VERSION and --steps N");
  }
  if (o.steps && *o.steps < 1) throw usage_error("--steps must be 1 or more");
  state.rollback.parameters = state.parameters;
  run::run_command(state.global, state.rollback, run::rollback);
  return 0;
}

void setup_hooks(CLI::App& /*sub*/, CliState& /*state*/) {}
int run_hooks_list(CliState& state) {
  run::run_command(state.global, run::HooksOptions{}, run::list_hooks);
  return 0;
}

void setup_app(CLI::App& sub, CliState& state) {
  sub.add_option("action", state.app_action, "create, drop or recreate")
      ->required()
      ->check(CLI::IsMember({"create", "drop", "recreate"}));
  add_run_mode(sub, state.app.mode);
  add_parameter_option(sub, state.parameters);
  add_lock_timeout(sub, state.lock_timeout);
}
int run_app(CliState& state) {
  state.app.parameters = state.parameters;
  state.app.action = state.app_action == "drop"     ? run::AppAction::drop
                     : state.app_action == "create" ? run::AppAction::create
                                                    : run::AppAction::recreate;
  run::run_command(state.global, state.app, run::app);
  return 0;
}

void setup_uninstall(CLI::App& sub, CliState& state) {
  add_parameter_option(sub, state.parameters);
  sub.add_flag("--force", state.uninstall.force, "Do not ask for confirmation");
  add_lock_timeout(sub, state.lock_timeout);
}
int run_uninstall(CliState& state) {
  state.uninstall.parameters = state.parameters;
  run::run_command(state.global, state.uninstall, run::uninstall);
  return 0;
}

const Command kCommands[] = {
    {"info", "Show the installed version of the module", setup_info, run_info},
    {"install", "Install the module: migrations table, changelogs, application", setup_install,
     run_install},
    {"upgrade", "Apply the changelogs newer than the installed version", setup_upgrade,
     run_upgrade},
    {"baseline", "Record a version as installed without running its changelogs", setup_baseline,
     run_baseline},
    {"rollback", "Undo the newest versions with their down/ scripts", setup_rollback, run_rollback},
    {"app", "Create, drop or recreate the application (drop/create hooks)", setup_app, run_app},
    {"hooks", "List the lifecycle hooks of the module, per event", setup_hooks, run_hooks_list},
    {"uninstall", "Run the uninstall hooks", setup_uninstall, run_uninstall},
};

}  // namespace

std::span<const Command> core_commands() { return kCommands; }

std::vector<Command> command_table() { return command_table(CommandLayout::pum1x); }

std::vector<Command> command_table(CommandLayout layout) {
  std::vector<Command> all;
  if (layout == CommandLayout::flat) {
    for (auto group : {flat_commands(), fleet_commands(), ops_commands()})
      all.insert(all.end(), group.begin(), group.end());
    return all;
  }
  for (auto group :
       {core_commands(), roles_commands(), check_commands(), fleet_commands(), ops_commands()}) {
    all.insert(all.end(), group.begin(), group.end());
  }
  return all;
}

}  // namespace pum::cli
