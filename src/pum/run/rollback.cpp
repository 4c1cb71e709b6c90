// pum rollback (our addition): the newest versions undone with the .sql files of their down/
// directory, newest first, in one transaction between the application drop and create hooks;
// their pum_migrations rows are deleted, so that pum 1.8 and a later upgrade see them as never
// applied.
#include <fmt/format.h>

#include <iostream>

#include "pum/pum1x/changelog_source.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

Needs needs(const RollbackOptions& options) {
  Needs needs;
  // The rollback events, and on_error for a failure of the rollback itself, fire from
  // rollback_layout; a refusal before it runs fires nothing.
  needs.lifecycle = true;
  // The stored parameters are read before the lock: rollback_layout takes it and reads the rows
  // again under it.
  needs.access = Access::read;
  needs.read_history = true;
  needs.expect.table = plan::Table::present;
  needs.expect.hints = false;
  needs.parameters = ParameterSource::installation;
  needs.parameter_args = &options.parameters;
  return needs;
}

void rollback(Context& context, const RollbackOptions& options) {
  const config::Config& config = context.config;
  const Global& global = context.global;
  Session& session = context.open_session();
  const history::MigrationRow* latest = context.history.latest;
  const Parameters& params = context.params.values;
  AppHooks hooks =
      prepare_app_hooks(config, params, !options.skip_drop_app, !options.skip_create_app);
  pum1x::ChangelogSource source(config.base_dir, config.changelogs_directory);
  LayoutRun layout =
      changelog_layout(source, session.tracking, config, params, &*context.lifecycle);
  layout.on_start = nullptr;
  layout.on_done = nullptr;
  RollbackRequest request;
  request.lock_timeout = global.lock_timeout;
  request.to = parse_version_option(options.to, "--to");
  request.steps = options.steps;
  request.dry_run = options.dry_run;
  db::Connection& conn = session.conn;
  RollbackResult result = rollback_layout(conn, layout, request, [&](bool before) {
    run_hooks(conn, before ? hooks.drop : hooks.create, before ? HookKind::drop : HookKind::create);
  });
  if (!options.dry_run && !result.undone.empty()) {
    log::info("{} is now at version {}", session.tracking.display_name(),
              result.now ? result.now->str() : std::string("none"));
  }
  if (!options.dry_run && global.on_versions) {
    global.on_versions(
        latest != nullptr ? std::optional<std::string>(latest->version) : std::nullopt,
        result.now ? std::optional<std::string>(result.now->str()) : std::nullopt);
  }
}

Needs needs(const HooksOptions& /*options*/) {
  Needs needs;
  needs.lifecycle = true;
  return needs;
}

void list_hooks(Context& context, const HooksOptions& /*options*/) {
  for (std::string_view name : config::kEventNames) {
    std::vector<std::string> hooks = context.lifecycle->describe(*config::parse_event(name));
    std::cout << name << ":" << (hooks.empty() ? " (none)" : "") << '\n';
    for (const auto& hook : hooks) std::cout << "  " << hook << '\n';
  }
}

}  // namespace pum::run
