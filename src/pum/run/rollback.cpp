// pum rollback (our addition): the newest versions undone with the .sql files of their down/
// directory, newest first, in one transaction between the application drop and create hooks;
// their pum_migrations rows are deleted, so that pum 1.8 and a later upgrade see them as never
// applied.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "pum/pum1x/changelog_source.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

void rollback(const Global& global, const RollbackOptions& options) {
  if (options.to.has_value() == options.steps.has_value()) {
    throw usage_error("rollback needs exactly one of --to VERSION and --steps N");
  }
  if (options.steps && *options.steps < 1) throw usage_error("--steps must be 1 or more");
  config::Config config = load_project_config(global);
  Lifecycle lifecycle(&config, config.base_dir, resolve_environment(global.environment), {},
                      global.pg_connection);
  db::Connection conn = db::Connection::open(global.pg_connection);
  pum1x::PumMigrationsTracking tracking(conn, config.migration_table_schema);
  if (!tracking.exists()) {
    throw Error(fmt::format("{} does not exist: the module is not installed in this database",
                            tracking.display_name()));
  }
  // The stored parameters (a read before the lock: rollback_layout reads the rows again under it).
  const history::MigrationRow* latest = nullptr;
  std::vector<history::MigrationRow> rows = tracking.table().read_all();
  latest = latest_row(rows, tracking.display_name());
  if (latest != nullptr && !latest->module.empty() && latest->module != config.module) {
    throw Error(fmt::format("this database holds module '{}' in {}, but {} describes module '{}'",
                            latest->module, tracking.display_name(), config.display_file,
                            config.module));
  }
  ResolvedParameters params = resolve_parameters(config, options.parameters,
                                                 latest != nullptr ? &latest->parameters : nullptr);
  lifecycle.set_parameters(params.values);
  AppHooks hooks =
      prepare_app_hooks(config, params.values, !options.skip_drop_app, !options.skip_create_app);
  pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
  LayoutRun layout = changelog_layout(source, tracking, config, params.values, &lifecycle);
  layout.on_start = nullptr;
  layout.on_done = nullptr;
  RollbackRequest request;
  request.lock_timeout = global.lock_timeout;
  request.to = parse_version_option(options.to, "--to");
  request.steps = options.steps;
  request.dry_run = options.dry_run;
  RollbackResult result = rollback_layout(conn, layout, request, [&](bool before) {
    run_hooks(conn, before ? hooks.drop : hooks.create, before ? HookKind::drop : HookKind::create);
  });
  if (!options.dry_run && !result.undone.empty()) {
    log::info("{} is now at version {}", tracking.display_name(),
              result.now ? result.now->str() : std::string("none"));
  }
  if (!options.dry_run && global.on_versions) {
    global.on_versions(
        latest != nullptr ? std::optional<std::string>(latest->version) : std::nullopt,
        result.now ? std::optional<std::string>(result.now->str()) : std::nullopt);
  }
}

void list_hooks(const Global& global) {
  config::Config config = load_project_config(global);
  Lifecycle lifecycle(&config, config.base_dir, resolve_environment(global.environment), {}, {});
  for (std::string_view name : config::kEventNames) {
    std::vector<std::string> hooks = lifecycle.describe(*config::parse_event(name));
    std::cout << name << ":" << (hooks.empty() ? " (none)" : "") << '\n';
    for (const auto& hook : hooks) std::cout << "  " << hook << '\n';
  }
}

}  // namespace pum::run
