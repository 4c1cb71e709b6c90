// pum upgrade: one transaction; the application layer is dropped and recreated on
// every upgrade, even with nothing new to apply.
#include <fmt/format.h>

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

Needs needs(const UpgradeOptions& options) {
  Needs needs;
  needs.changelogs = Changelogs::versions;
  needs.lifecycle = true;
  needs.on_error = !options.mode.dry_run;
  needs.access = Access::locked;
  needs.read_history = true;
  needs.expect.table = plan::Table::present;
  needs.expect.row = true;
  needs.expect.beta_testing_allowed = options.force;
  needs.parameters = ParameterSource::installation;
  needs.parameter_args = &options.parameters;
  needs.consistent_parameters = true;
  return needs;
}

void upgrade(Context& context, const UpgradeOptions& options) {
  const config::Config& config = context.config;
  std::vector<Migration>& migrations = context.migrations;
  Lifecycle& lifecycle = *context.lifecycle;
  std::optional<Version> max = parse_version_option(options.max_version, "--max-version");

  Session& session = context.open_session();
  const history::MigrationRow& latest = *context.history.latest;
  const Parameters& params = context.params.values;

  plan::Plan plan =
      plan::plan_upgrade(migrations, context.history.applied(), {max, options.skip_baseline_check});
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
      prepare_app_hooks(config, params, !options.skip_drop_app, !options.skip_create_app);
  auto units = prepare_migrations(config, plan.to_apply, params);
  RunReport report{"upgrade",      "run",         config.module,     session.table.display_name(),
                   latest.version, plan.to_apply, file_labels(units)};
  auto print_report = [&](const char* mode, bool committed) {
    if (!options.mode.json) return;
    report.mode = mode;
    report.committed = committed;
    report.duration_ms = context.elapsed_ms();
    print_run_report(report);
  };

  if (options.mode.dry_run) {
    pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
    LayoutRun layout = changelog_layout(source, session.tracking, config, params, &lifecycle);
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
  apply_changelogs(session, config, plan.to_apply, units, params,
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
        plan.to_apply.size(), context.elapsed_ms());
    print_report("rehearsal", false);
    return;  // the session's transaction rolls back
  }
  log::info("Committing changes...");
  session.commit();
  log::info("Upgrade completed and changes committed to the database.");
  print_report("run", true);
  if (context.global.on_versions) {
    context.global.on_versions(latest.version, plan.to_apply.empty()
                                                   ? latest.version
                                                   : plan.to_apply.back()->version.str());
  }
  try {
    lifecycle.fire(Event::post_complete, &session.conn,
                   {nullptr, "applied", context.elapsed_ms(), nullptr});
  } catch (Error& error) {
    throw error.prefix("the upgrade is committed, but a post_complete hook failed: ");
  }
}

}  // namespace pum::run
