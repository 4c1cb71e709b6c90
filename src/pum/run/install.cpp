// pum install: one transaction creating the migrations table, running the drop
// hooks, every changelog up to --max-version with one row each, and the create hooks.
#include <fmt/format.h>

#include <optional>
#include <vector>

#include "pum/plan/plan.hpp"
#include "pum/pum1x/changelog_source.hpp"
#include "pum/roles/roles.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/demo_data.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/run/run_report.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

LayoutRun changelog_layout(pum1x::ChangelogSource& source, layout::Tracking& tracking,
                           const config::Config& config, const Parameters& params,
                           Lifecycle* lifecycle) {
  LayoutRun layout{source, tracking, pum1x_rules(params)};
  layout.lifecycle = lifecycle;
  layout.describe = [](const Migration& m) { return "version " + m.version.str(); };
  layout.on_start = [&](const Migration& migration) {
    std::string dir = migration_dir_display(config, migration);
    if (migration.app_only) {
      log::info("Recording application-only release version {} from {}", migration.version.str(),
                dir);
    } else {
      log::info("Applying changelog version {} from {}", migration.version.str(), dir);
    }
  };
  layout.on_done = [&tracking](const Migration& migration, std::int64_t /*duration_ms*/) {
    log::info("Setting baseline version {} in {} table", migration.version.str(),
              tracking.display_name());
  };
  return layout;
}

void apply_changelogs(Session& session, const config::Config& config,
                      const std::vector<const Migration*>& migrations,
                      const std::vector<std::vector<Unit>>& units, const Parameters& params,
                      bool beta_testing, Lifecycle* lifecycle,
                      std::vector<std::int64_t>* durations) {
  pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
  LayoutRun layout = changelog_layout(source, session.tracking, config, params, lifecycle);
  layout::Record base;
  base.module = config.module;
  base.beta_testing = beta_testing;
  base.parameters = to_json(params);
  apply_migrations(session.conn, layout, migrations, units, base, session.transaction, durations);
}

namespace {

std::vector<std::string> hook_lines(const char* what, const std::vector<Unit>& hooks) {
  std::vector<std::string> lines;
  for (const auto& unit : hooks) lines.push_back(fmt::format("{} hook: {}", what, unit.label));
  return lines;
}

}  // namespace

Needs needs(const InstallOptions& options) {
  Needs needs;
  needs.changelogs = Changelogs::listed;
  needs.lifecycle = true;
  needs.on_error = !options.mode.dry_run;
  needs.parameters = ParameterSource::command_line;
  needs.parameter_args = &options.parameters;
  // A dry run looks at the database without the lock and writes nothing; it refuses an
  // installed module as the real run does, and does not look for other modules' tables.
  needs.access = options.mode.dry_run ? Access::read : Access::locked;
  needs.read_history = true;
  needs.expect.table = plan::Table::absent;
  needs.expect.other_tables_allowed = options.allow_multiple_modules || options.mode.dry_run;
  return needs;
}

void install(Context& context, const InstallOptions& options) {
  const config::Config& config = context.config;
  const std::vector<Migration>& migrations = context.migrations;
  const Parameters& params = context.params.values;
  Lifecycle& lifecycle = *context.lifecycle;
  std::optional<Version> max = parse_version_option(options.max_version, "--max-version");
  plan::Plan plan = plan::plan_install(migrations, {max, false});
  if (plan.to_apply.empty()) {
    throw Error(fmt::format("no changelog version is <= {} (the first is {})", max->str(),
                            migrations.front().version.str()))
        .hint("pick a --max-version that has a changelog directory");
  }
  const config::DemoData* demo = find_demo_data(config, options.demo_data);

  // Everything is read, checked and rendered before the first statement is sent.
  AppHooks hooks =
      prepare_app_hooks(config, params, !options.skip_drop_app, !options.skip_create_app);
  auto units = prepare_migrations(config, plan.to_apply, params);
  RunReport report{"install",    "run",         config.module,     "",
                   std::nullopt, plan.to_apply, file_labels(units)};
  auto print_report = [&](const char* mode, bool committed) {
    if (!options.mode.json) return;
    report.mode = mode;
    report.committed = committed;
    report.duration_ms = context.elapsed_ms();
    print_run_report(report);
  };

  Session& session = context.open_session();
  report.table = session.table.display_name();
  if (options.mode.dry_run) {
    pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
    LayoutRun layout = changelog_layout(source, session.tracking, config, params, &lifecycle);
    std::vector<std::string> before{fmt::format("create {}", session.tracking.display_name())};
    if (!options.skip_roles && !config.roles.empty()) before.emplace_back("create roles");
    for (auto& line : hook_lines("drop app", hooks.drop)) before.push_back(line);
    std::vector<std::string> after = hook_lines("create app", hooks.create);
    if (!options.skip_grant && !config.roles.empty()) after.emplace_back("grant permissions");
    print_plan(layout, plan.to_apply, units,
               fmt::format("Dry run: install of module '{}' up to version {}", config.module,
                           plan.to_apply.back()->version.str()),
               before, after);
    print_report("dry_run", false);
    return;
  }

  log::info("Creating migrations table...");
  session.table.create();
  log::info("Created migration table: {}", session.table.display_name());
  log::info("Installing module...");
  if (!options.skip_roles) {
    log::info("Creating roles...");
    roles::create_configured_roles(session.conn, config);
  }
  lifecycle.fire(Event::pre_validate, &session.conn, {nullptr, "pending", 0, nullptr});
  run_hooks(session.conn, hooks.drop, HookKind::drop);
  apply_changelogs(session, config, plan.to_apply, units, params, options.beta_testing, &lifecycle,
                   &report.durations_ms);
  run_hooks(session.conn, hooks.create, HookKind::create);
  log::info("Installed {} table and applied changelogs up to version {}",
            session.table.display_name(), plan.to_apply.back()->version.str());
  if (!options.skip_grant) {
    log::info("Granting permissions...");
    roles::grant_configured_permissions(session.conn, config);
  }
  if (options.mode.rehearse) {
    log::info(
        "Rehearsal: install of {} version(s) went through in {} ms; rolling back, the "
        "database is unchanged",
        plan.to_apply.size(), context.elapsed_ms());
    print_report("rehearsal", false);
    return;  // the session's transaction rolls back
  }
  log::info("Committing changes...");
  session.commit();
  if (context.global.on_versions) {
    context.global.on_versions(std::nullopt, plan.to_apply.back()->version.str());
  }
  try {
    lifecycle.fire(Event::post_complete, &session.conn,
                   {nullptr, "applied", context.elapsed_ms(), nullptr});
  } catch (Error& error) {
    throw error.prefix("the install is committed, but a post_complete hook failed: ");
  }

  if (demo != nullptr) {
    load_demo_data(session.conn, config, *demo, params,
                   DemoOptions{options.skip_drop_app, options.skip_create_app, options.skip_grant});
  }
  log::debug("install done in {} ms", context.elapsed_ms());
  print_report("run", true);
}

}  // namespace pum::run
