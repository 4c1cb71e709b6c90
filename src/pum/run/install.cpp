// pum install (spec §6.1): one transaction creating the migrations table, running the drop
// hooks, every changelog up to --max-version with one row each, and the create hooks.
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <vector>

#include "pum/plan/plan.hpp"
#include "pum/pum1x/changelog_source.hpp"
#include "pum/roles/roles.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/demo_data.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

void apply_changelogs(Session& session, const config::Config& config,
                      const std::vector<const Migration*>& migrations,
                      const std::vector<std::vector<Unit>>& units, const Parameters& params,
                      bool beta_testing) {
  pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
  LayoutRun layout{source, session.tracking, pum1x_rules(params)};
  layout.on_start = [&](const Migration& migration) {
    std::string dir = migration_dir_display(config, migration);
    if (migration.app_only) {
      log::info("Recording application-only release version {} from {}", migration.version.str(),
                dir);
    } else {
      log::info("Applying changelog version {} from {}", migration.version.str(), dir);
    }
  };
  layout.describe = [](const Migration& m) { return "version " + m.version.str(); };
  layout::Record base;
  base.module = config.module;
  base.beta_testing = beta_testing;
  base.parameters = to_json(params);
  apply_migrations(session.conn, layout, migrations, units, base, session.transaction);
}

void install(const Global& global, const InstallOptions& options) {
  auto started = std::chrono::steady_clock::now();
  config::Config config = load_project_config(global);
  std::vector<Migration> migrations = load_migrations(config);
  ResolvedParameters params = resolve_parameters(config, options.parameters, nullptr);
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
      prepare_app_hooks(config, params.values, !options.skip_drop_app, !options.skip_create_app);
  auto units = prepare_migrations(config, plan.to_apply, params.values);

  Session session(global, config);
  if (session.table.exists()) {
    throw Error(fmt::format("{} already exists. This means that the module is already installed "
                            "in this database",
                            session.table.display_name()))
        .hint("use pum upgrade to apply newer changelogs, pum info to see the installed version");
  }
  if (!options.allow_multiple_modules) {
    auto others = session.table.other_schemas();
    if (!others.empty()) {
      throw Error(
          fmt::format("another module is installed in this database ({})", join_tables(others)))
          .hint(
              "pass --allow-multiple-modules to install several modules, each with its own "
              "pum.migration_table_schema");
    }
  }
  log::info("Creating migrations table...");
  session.table.create();
  log::info("Created migration table: {}", session.table.display_name());
  if (!options.skip_roles) roles::create_configured_roles(session.conn, config);
  log::info("Installing module...");
  run_hooks(session.conn, hooks.drop, HookKind::drop);
  apply_changelogs(session, config, plan.to_apply, units, params.values, options.beta_testing);
  run_hooks(session.conn, hooks.create, HookKind::create);
  if (!options.skip_grant) roles::grant_configured_permissions(session.conn, config);
  log::info("Installed {} table and applied changelogs up to version {}",
            session.table.display_name(), plan.to_apply.back()->version.str());
  log::info("Committing changes...");
  session.commit();

  if (demo != nullptr) {
    load_demo_data(session.conn, config, *demo, params.values,
                   DemoOptions{options.skip_drop_app, options.skip_create_app, options.skip_grant});
  }
  log::debug("install done in {} ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::steady_clock::now() - started)
                                          .count());
}

}  // namespace pum::run
