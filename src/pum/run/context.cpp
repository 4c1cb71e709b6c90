#include "pum/run/context.hpp"

#include "pum/config/lenient.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

namespace {

config::Config load_config(const Global& global, bool hook_files_may_be_missing) {
  if (!hook_files_may_be_missing) return load_project_config(global);
  config::MissingHookFilesAllowed lenient;
  config::Config config = load_project_config(global);
  for (const std::string& warning : lenient.warnings()) {
    log::warning("{} (ignored: this command runs no hook)", warning);
  }
  return config;
}

std::vector<Migration> load_changelogs(const config::Config& config, Changelogs which) {
  switch (which) {
    case Changelogs::none:
      return {};
    case Changelogs::versions:
      return load_migration_versions(config);
    case Changelogs::listed:
      return load_migrations(config);
  }
  return {};
}

}  // namespace

std::vector<plan::Applied> History::applied() const {
  std::vector<plan::Applied> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    if (auto version = Version::parse(row.version)) {
      out.push_back({*version, row.module, row.beta_testing});
    }
  }
  return out;
}

Context::Context(const Global& global_, Needs needs_)
    : global(global_),
      needs(needs_),
      started(std::chrono::steady_clock::now()),
      config(load_config(global, needs.hook_files_may_be_missing)) {
  if (needs.parameters == ParameterSource::command_line) {
    params = resolve_parameters(config, *needs.parameter_args, nullptr);
  }
  if (needs.lifecycle) {
    lifecycle.emplace(&config, config.base_dir, resolve_environment(global.environment),
                      params.values, global.pg_connection);
  }
  try {
    migrations = load_changelogs(config, needs.changelogs);
  } catch (const Error& error) {
    fail(error);
    throw;
  }
}

Session& Context::open_session() {
  // A command that declared no database access and still asks for a session has its Needs
  // wrong: say so rather than open a connection it did not declare.
  if (needs.access == Access::none) {
    throw Error("internal error: a command that declares no database access opened a session")
        .hint("report this as a bug of pum");
  }
  if (needs.access == Access::locked) {
    session_.emplace(global, config);
  } else {
    session_.emplace(global, config, Session::Unlocked{});
  }
  if (needs.read_history) read_history();
  if (needs.parameters == ParameterSource::installation) {
    const nlohmann::json* stored = history.stored_parameters();
    params = resolve_parameters(config, *needs.parameter_args, stored);
    if (needs.consistent_parameters) check_consistency(config, params, stored);
    if (lifecycle) lifecycle->set_parameters(params.values);
  }
  return *session_;
}

void Context::read_history() {
  history::MigrationsTable& table = session_->table;
  plan::Installed installed{table.display_name(), table.exists(), std::nullopt, {}};
  history.exists = installed.exists;
  if (installed.exists && needs.expect.table != plan::Table::absent) {
    history.rows = table.read_all();
    history.latest = latest_row(history.rows, installed.table);
    if (history.latest != nullptr) {
      installed.latest = plan::LatestRow{history.latest->version, history.latest->module,
                                         history.latest->beta_testing};
    }
  }
  if (!installed.exists && !needs.expect.other_tables_allowed) {
    installed.other_tables = table_names(table.other_schemas());
  }
  if (auto warning =
          plan::check_installed(installed, needs.expect, {config.module, config.display_file})) {
    log::warning("{}", *warning);
  }
}

std::int64_t Context::elapsed_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started)
      .count();
}

void Context::fail(const Error& error) {
  session_.reset();
  if (lifecycle && needs.on_error) lifecycle->fire_on_error(error, elapsed_ms());
}

}  // namespace pum::run
