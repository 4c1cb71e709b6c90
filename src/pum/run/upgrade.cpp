// pum upgrade: one transaction; the application layer is dropped and recreated on
// every upgrade, even with nothing new to apply.
#include <fmt/format.h>

#include <chrono>

#include "pum/plan/plan.hpp"
#include "pum/pum1x/changelog_source.hpp"
#include "pum/roles/roles.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/run/run_report.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

namespace {

std::vector<plan::Applied> applied_rows(const std::vector<history::MigrationRow>& rows) {
  std::vector<plan::Applied> applied;
  applied.reserve(rows.size());
  for (const auto& row : rows) {
    applied.push_back({*Version::parse(row.version), row.module, row.beta_testing});
  }
  return applied;
}

}  // namespace

const history::MigrationRow& installed_state(Session& session, const config::Config& config,
                                             std::vector<history::MigrationRow>& rows) {
  if (!session.table.exists()) {
    throw Error(fmt::format("{} does not exist: the module is not installed in this database",
                            session.table.display_name()))
        .hint(
            "use pum install, or pum baseline --create-table -b VERSION for a database "
            "installed by other means");
  }
  rows = session.table.read_all();
  const history::MigrationRow* latest = latest_row(rows, session.table.display_name());
  if (latest == nullptr) {
    throw Error(fmt::format("{} holds no version", session.table.display_name()))
        .hint("record the installed version with pum baseline -b VERSION");
  }
  if (!latest->module.empty() && latest->module != config.module) {
    throw Error(fmt::format("this database holds module '{}' in {}, but {} describes module '{}'",
                            latest->module, session.table.display_name(), config.display_file,
                            config.module))
        .hint(
            "check -p (wrong database?) and -d/-c (wrong module?); each module needs its own "
            "pum.migration_table_schema");
  }
  return *latest;
}

namespace {
void upgrade_body(const Global& global, const UpgradeOptions& options, const config::Config& config,
                  Lifecycle& lifecycle, std::chrono::steady_clock::time_point started);

std::int64_t ms_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started)
      .count();
}
}  // namespace

void upgrade(const Global& global, const UpgradeOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  config::Config config = load_project_config(global);
  Lifecycle lifecycle(&config, config.base_dir, resolve_environment(global.environment), {},
                      global.pg_connection);
  try {
    upgrade_body(global, options, config, lifecycle, started);
  } catch (const Error& error) {
    if (!options.mode.dry_run) lifecycle.fire_on_error(error, ms_since(started));
    throw;
  }
}

namespace {

void upgrade_body(const Global& global, const UpgradeOptions& options, const config::Config& config,
                  Lifecycle& lifecycle, std::chrono::steady_clock::time_point started) {
  std::vector<Migration> migrations = load_migration_versions(config);
  std::optional<Version> max = parse_version_option(options.max_version, "--max-version");

  Session session(global, config);
  std::vector<history::MigrationRow> rows;
  const history::MigrationRow& latest = installed_state(session, config, rows);
  if (latest.beta_testing && !options.force) {
    throw Error(fmt::format("the installation is in beta testing (version {}): it cannot be "
                            "upgraded",
                            latest.version))
        .hint("pass --force to upgrade it anyway; its versions stay marked beta testing");
  }
  ResolvedParameters params = resolve_parameters(config, options.parameters, &latest.parameters);
  check_consistency(config, params, &latest.parameters);
  lifecycle.set_parameters(params.values);

  plan::Plan plan =
      plan::plan_upgrade(migrations, applied_rows(rows), {max, options.skip_baseline_check});
  for (const Migration* skipped : plan.skipped_below_baseline) {
    log::warning(
        "Skipping changelog version {}: it is not recorded but lies below the current "
        "version {} (--skip-baseline-check)",
        skipped->version.str(), latest.version);
  }
  // Only what will run is read (as pum 1.x does): an applied version's directory is never run
  // again, and reading all of them was most of a no-op upgrade's time. Still nothing has changed
  // in the database when a pending directory turns out to be wrong.
  list_pending_files(migrations, plan.to_apply);
  AppHooks hooks =
      prepare_app_hooks(config, params.values, !options.skip_drop_app, !options.skip_create_app);
  auto units = prepare_migrations(config, plan.to_apply, params.values);
  RunReport report{"upgrade",      "run",         config.module,     session.table.display_name(),
                   latest.version, plan.to_apply, file_labels(units)};
  auto print_report = [&](const char* mode, bool committed) {
    if (!options.mode.json) return;
    report.mode = mode;
    report.committed = committed;
    report.duration_ms = ms_since(started);
    print_run_report(report);
  };

  if (options.mode.dry_run) {
    pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
    LayoutRun layout =
        changelog_layout(source, session.tracking, config, params.values, &lifecycle);
    std::vector<std::string> before;
    for (const auto& unit : hooks.drop) before.push_back("drop app hook: " + unit.label);
    std::vector<std::string> after;
    for (const auto& unit : hooks.create) after.push_back("create app hook: " + unit.label);
    if (!options.skip_grant && !config.roles.empty())
      after.emplace_back("create roles, grant permissions");
    print_plan(layout, plan.to_apply, units,
               fmt::format("Dry run: upgrade of {} from version {}: {} version(s) to apply",
                           session.table.display_name(), latest.version, plan.to_apply.size()),
               before, after);
    print_report("dry_run", false);
    return;  // the session's transaction rolls back: nothing was written, the lock is released
  }
  if (!plan.to_apply.empty()) session.table.upgrade_layout(config.module);
  lifecycle.fire(Event::pre_validate, &session.conn, {nullptr, "pending", 0, nullptr});
  log::info("Starting upgrade process...");
  log::info("Starting upgrade...");
  run_hooks(session.conn, hooks.drop, HookKind::drop);
  apply_changelogs(session, config, plan.to_apply, units, params.values,
                   options.beta_testing || latest.beta_testing, &lifecycle, &report.durations_ms);
  run_hooks(session.conn, hooks.create, HookKind::create);
  if (!options.skip_grant) {
    log::info("Creating roles...");
    roles::create_configured_roles(session.conn, config);
    log::info("Granting permissions...");
    roles::grant_configured_permissions(session.conn, config);
  }
  if (plan.to_apply.empty()) {
    log::info("Nothing to upgrade: {} is at version {}", session.table.display_name(),
              latest.version);
  } else {
    log::info("Upgraded {} from version {} to {}", session.table.display_name(), latest.version,
              plan.to_apply.back()->version.str());
  }
  if (options.mode.rehearse) {
    log::info(
        "Rehearsal: the upgrade of {} version(s) went through in {} ms; rolling back, the "
        "database is unchanged",
        plan.to_apply.size(), ms_since(started));
    print_report("rehearsal", false);
    return;  // the session's transaction rolls back
  }
  log::info("Committing changes...");
  session.commit();
  log::info("Upgrade completed and changes committed to the database.");
  print_report("run", true);
  if (global.on_versions) {
    global.on_versions(latest.version, plan.to_apply.empty() ? latest.version
                                                             : plan.to_apply.back()->version.str());
  }
  try {
    lifecycle.fire(Event::post_complete, &session.conn,
                   {nullptr, "applied", ms_since(started), nullptr});
  } catch (Error& error) {
    throw error.prefix("the upgrade is committed, but a post_complete hook failed: ");
  }
}

}  // namespace

}  // namespace pum::run
