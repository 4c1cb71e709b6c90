// info, baseline, app and uninstall.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "pum/plan/installed.hpp"
#include "pum/plan/plan.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/run/run_report.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

Needs needs(const InfoOptions& /*options*/) {
  Needs needs;
  needs.hook_files_may_be_missing = true;
  needs.access = Access::read;
  needs.read_history = true;
  needs.expect.other_module = plan::OtherModule::warn;
  return needs;
}

void info(Context& context, const InfoOptions& options) {
  const config::Config& config = context.config;
  const history::MigrationsTable& table = context.open_session().table;
  const bool exists = context.history.exists;
  const std::vector<history::MigrationRow>& rows = context.history.rows;
  const history::MigrationRow* latest = context.history.latest;
  if (options.json) {
    // The changelogs on disk against the installed version: what an upgrade would apply.
    std::vector<Migration> migrations = load_migrations(config);
    std::optional<Version> installed;
    if (latest != nullptr) {
      if (auto v = Version::parse(latest->version)) installed = *v;
    }
    nlohmann::json pending = nlohmann::json::array();
    for (const auto& m : migrations) {
      if (!installed || *installed < m.version) pending.push_back(m.version.str());
    }
    nlohmann::json applied = nlohmann::json::array();
    for (const auto& row : rows) {
      applied.push_back(
          {{"version", row.version},
           {"module", row.module.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.module)},
           {"date_installed", row.date_installed},
           {"beta_testing", row.beta_testing}});
    }
    auto or_null = [](const std::string* text) {
      return text != nullptr ? nlohmann::json(*text) : nlohmann::json(nullptr);
    };
    const nlohmann::json doc = {
        {"info", 1},
        {"layout", "pum1x"},
        {"module", config.module},
        {"table", table.display_name()},
        {"table_exists", exists},
        {"version", or_null(latest != nullptr ? &latest->version : nullptr)},
        {"installed_module", latest != nullptr && !latest->module.empty()
                                 ? nlohmann::json(latest->module)
                                 : nlohmann::json(nullptr)},
        {"beta_testing",
         latest != nullptr ? nlohmann::json(latest->beta_testing) : nlohmann::json(nullptr)},
        {"latest", migrations.empty() ? nlohmann::json(nullptr)
                                      : nlohmann::json(migrations.back().version.str())},
        {"pending", std::move(pending)},
        {"applied", std::move(applied)},
    };
    std::cout << doc.dump(2) << "\n";
    return;
  }
  if (!exists) {
    log::info("No migrations found in {}.", table.display_name());
    return;
  }
  log::info("Migrations found.");
  log::info("Schema migrations table: {}", table.display_name());
  log::info("Version: {}", latest != nullptr ? latest->version : std::string("none"));
  if (latest != nullptr) {
    log::debug("Module: {}", latest->module);
    log::debug("Beta testing: {}", latest->beta_testing ? "yes" : "no");
    log::debug("Installed: {}", latest->date_installed);
  }
}

Needs needs(const BaselineOptions& /*options*/) {
  Needs needs;
  needs.hook_files_may_be_missing = true;
  needs.access = Access::locked;
  needs.read_history = true;
  return needs;
}

void baseline(Context& context, const BaselineOptions& options) {
  const config::Config& config = context.config;
  auto version = Version::parse(options.version);
  if (!version) throw Error("--baseline: " + version.error().message());
  if (!version->is_plain_release()) {
    throw Error(fmt::format("--baseline: cannot record version '{}': pum records versions as X.Y "
                            "or X.Y.Z",
                            options.version),
                {});
  }
  Session& session = context.open_session();
  BaselineReport report{config.module, session.table.display_name(), version->str()};
  if (context.history.latest != nullptr) report.previous = context.history.latest->version;
  if (!context.history.exists) {
    if (!options.create_table) {
      throw Error(fmt::format("{} table does not exist. Use --create-table to create it.",
                              session.table.display_name()));
    }
    if (!options.allow_multiple_modules) {
      auto others = session.table.other_schemas();
      if (!others.empty()) plan::refuse_other_tables(table_names(others), false);
    }
    session.table.create();
    report.table_created = true;
    log::info("Created migration table: {}", session.table.display_name());
    log::info("Created pum_migrations table.");
  }
  plan::check_baseline(*version, context.history.applied());
  session.table.upgrade_layout(config.module);
  log::info("Setting baseline version {} in {} table", version->str(),
            session.table.display_name());
  session.table.insert({config.module, version->str(), false, {}, nlohmann::json::object()});
  session.commit();
  report.duration_ms = context.elapsed_ms();
  if (options.json) print_baseline_report(report);
}

Needs needs(const AppOptions& options) {
  Needs needs;
  needs.access = Access::locked;
  needs.read_history = true;
  needs.expect.row = true;
  needs.parameters = ParameterSource::installation;
  needs.parameter_args = &options.parameters;
  // Dropping the application needs no consistent parameters: it removes what they built.
  needs.consistent_parameters = options.action != AppAction::drop;
  return needs;
}

void app(Context& context, const AppOptions& options) {
  const config::Config& config = context.config;
  Session& session = context.open_session();
  const ResolvedParameters& params = context.params;
  AppHooks hooks = prepare_app_hooks(config, params.values, options.action != AppAction::create,
                                     options.action != AppAction::drop);
  const char* action = options.action == AppAction::drop     ? "drop"
                       : options.action == AppAction::create ? "create"
                                                             : "recreate";
  if (options.mode.dry_run) {
    log::info("Dry run: {} the application of module '{}' ({} hook(s)):", action, config.module,
              hooks.drop.size() + hooks.create.size());
    for (const auto* list : {&hooks.drop, &hooks.create}) {
      for (const auto& unit : *list) {
        log::info("  {} app hook: {}", list == &hooks.drop ? "drop" : "create", unit.label);
        for (const auto& statement : unit.statements) log::debug("    {};", statement.sql);
      }
    }
    log::info("Nothing was changed (dry run).");
    return;  // the session's transaction rolls back; the lock is released
  }
  const auto started = std::chrono::steady_clock::now();
  run_hooks(session.conn, hooks.drop, HookKind::drop);
  run_hooks(session.conn, hooks.create, HookKind::create);
  if (options.mode.rehearse) {
    log::info(
        "Rehearsal: {} of the application went through in {} ms; rolling back, the "
        "database is unchanged",
        action,
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                              started)
            .count());
    return;  // the session's transaction rolls back
  }
  log::info("Committing changes...");
  session.commit();
}

Needs needs(const UninstallOptions& options) {
  Needs needs;
  needs.access = Access::locked;
  needs.read_history = true;
  needs.expect.row = true;
  needs.parameters = ParameterSource::installation;
  needs.parameter_args = &options.parameters;
  return needs;
}

bool uninstall(Context& context, const UninstallOptions& options) {
  const config::Config& config = context.config;
  if (config.uninstall_hooks.empty()) {
    throw Error(
        fmt::format("No uninstall hooks defined in the configuration {}", config.display_file))
        .hint("declare the statements that remove the module under `uninstall:` in .pum.yaml");
  }
  if (!options.force) {
    log::warning("This will run the uninstall hooks of module '{}' and may delete all of its data.",
                 config.module);
    std::cout << "Are you sure you want to proceed? (yes/no): " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) answer.clear();
    for (auto& c : answer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\r')) answer.pop_back();
    if (answer != "yes" && answer != "y") {
      log::info("Uninstall cancelled.");
      return false;
    }
  }
  Session& session = context.open_session();
  std::vector<Unit> hooks = prepare_hooks(config, config.uninstall_hooks, context.params.values);
  run_hooks(session.conn, hooks, HookKind::uninstall);
  log::info("Committing changes...");
  session.commit();
  log::info("Module '{}' uninstalled.", config.module);
  return true;
}

}  // namespace pum::run
