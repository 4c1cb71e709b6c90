#include "pum/run/project.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "pum/changelog/changelog_dir.hpp"
#include "pum/db/advisory_lock.hpp"
#include "pum/hooks/python_hook.hpp"
#include "pum/pum1x/changelog_source.hpp"
#include "pum/ui/log.hpp"

namespace pum::run {

config::Config load_project_config(const Global& global) {
  if (global.config) return *global.config;
  std::error_code ec;
  if (!std::filesystem::exists(global.config_file, ec)) {
    throw Error(fmt::format("configuration file {} does not exist", global.config_display))
        .hint("run pum in the module directory, or point to it with -d DIR or -c FILE");
  }
  return config::load_config(global.config_file, global.config_display);
}

std::vector<Migration> load_migrations(const config::Config& config) {
  std::vector<Migration> migrations =
      load_changelog_dir(config.base_dir, config.changelogs_directory);
  for (auto& m : migrations) pum1x::name_migration(m);
  return migrations;
}

std::vector<Migration> load_migration_versions(const config::Config& config) {
  std::vector<Migration> migrations =
      load_changelog_versions(config.base_dir, config.changelogs_directory);
  for (auto& m : migrations) pum1x::name_migration(m);
  return migrations;
}

void list_pending_files(std::vector<Migration>& migrations,
                        const std::vector<const Migration*>& pending) {
  const std::unordered_set<const Migration*> wanted(pending.begin(), pending.end());
  for (Migration& migration : migrations) {
    if (!migration.listed && wanted.contains(&migration)) list_migration_files(migration);
  }
}

std::optional<Version> parse_version_option(const std::optional<std::string>& text,
                                            const char* flag) {
  if (!text) return std::nullopt;
  auto version = Version::parse(*text);
  if (!version) {
    throw Error(fmt::format("{}: {}", flag, version.error().message()));
  }
  return *version;
}

std::vector<std::string> table_names(const std::vector<std::string>& schemas) {
  std::vector<std::string> names;
  names.reserve(schemas.size());
  for (const auto& schema : schemas) names.push_back(schema + ".pum_migrations");
  return names;
}

std::string migration_dir_display(const config::Config& config, const Migration& migration) {
  return config.changelogs_directory + "/" + migration.label;
}

std::vector<Unit> prepare_hooks(const config::Config& config,
                                const std::vector<config::Hook>& hooks, const Parameters& params) {
  std::vector<Unit> units;
  units.reserve(hooks.size());
  for (const auto& hook : hooks) {
    if (hook.code) {
      std::string name =
          fmt::format("{} (code hook at line {})", config.display_file, hook.mark.line);
      std::optional<CodeOrigin> origin = CodeOrigin::find(config, hook);
      try {
        units.push_back(prepare_code(*hook.code, name, params));
      } catch (Error& error) {
        if (origin && error.location().file == name) error.at(origin->map(error.location()));
        throw;
      }
      units.back().origin = std::move(origin);
      continue;
    }
    if (hook.file->extension() == ".py") {
      Unit unit{hook.file_display, sql::parse_script(SourceText(hook.file_display, "")), {}};
      unit.python = hooks::load_python_hook(config, hook);
      unit.params = params;
      units.push_back(std::move(unit));
      continue;
    }
    units.push_back(prepare_file(*hook.file, hook.file_display, params));
  }
  return units;
}

AppHooks prepare_app_hooks(const config::Config& config, const Parameters& params, bool with_drop,
                           bool with_create) {
  AppHooks hooks;
  if (with_drop) hooks.drop = prepare_hooks(config, config.drop_hooks, params);
  if (with_create) hooks.create = prepare_hooks(config, config.create_hooks, params);
  return hooks;
}

void run_hooks(db::Connection& conn, const std::vector<Unit>& hooks, HookKind kind) {
  const char* what = kind == HookKind::drop     ? "drop app"
                     : kind == HookKind::create ? "create app"
                                                : "uninstall";
  for (const auto& unit : hooks) {
    log::info("Executing {} handler: {}", what, unit.label);
    execute(conn, unit);
  }
}

std::vector<std::vector<Unit>> prepare_migrations(const config::Config& config,
                                                  const std::vector<const Migration*>& migrations,
                                                  const Parameters& all_params) {
  std::vector<std::string> app_only;
  for (const auto& def : config.parameters) {
    if (def.app_only) app_only.push_back(def.name);
  }
  std::vector<std::vector<Unit>> result;
  result.reserve(migrations.size());
  for (const Migration* migration : migrations) {
    if (!migration->listed) {
      throw Error(fmt::format("internal error: the files of version {} were not listed",
                              migration->version.str()));
    }
    std::vector<Unit> units;
    units.reserve(migration->files.size());
    for (const auto& file : migration->files) {
      Unit unit = prepare_file(file.path, file.display, all_params);
      reject_placeholders(unit, app_only, "changelog uses app_only parameter {{{}}}",
                          "app_only parameters may change at every run, so changelogs cannot use "
                          "them; use it in application hooks only, or remove app_only from it");
      release(unit);  // checked; prepared again when it runs (reload)
      units.push_back(std::move(unit));
    }
    result.push_back(std::move(units));
  }
  return result;
}

db::Connection open_connection(const Global& global) {
  if (global.borrowed_connection != nullptr) {
    return db::Connection::borrow(global.borrowed_connection, "the given connection");
  }
  return db::Connection::open(global.pg_connection);
}

namespace {
std::optional<db::Transaction> begin(db::Connection& conn) {
  if (conn.borrowed())
    return std::optional<db::Transaction>(std::in_place, conn, db::Transaction::Join{});
  return std::optional<db::Transaction>(std::in_place, conn);
}
}  // namespace

Session::Session(const Global& global, const config::Config& config)
    : conn(open_connection(global)),
      transaction(begin(conn)),
      tracking(conn, config.migration_table_schema),
      table(tracking.table()),
      commit_(global.commit) {
  if (!conn.borrowed()) cancel_on_signal.emplace(conn);
  db::acquire_lock(conn, tracking.lock(), global.lock_timeout);
}

Session::Session(const Global& global, const config::Config& config, Unlocked /*unlocked*/)
    : conn(open_connection(global)),
      tracking(conn, config.migration_table_schema),
      table(tracking.table()),
      commit_(false) {}

const history::MigrationRow* latest_row(const std::vector<history::MigrationRow>& rows,
                                        const std::string& table_name) {
  const history::MigrationRow* best = nullptr;
  std::optional<Version> best_version;
  for (const auto& row : rows) {
    auto version = Version::parse(row.version);
    if (!version) {
      throw Error(
          fmt::format("{} holds a version that is not a version: '{}'", table_name, row.version))
          .hint("fix or delete that row by hand; pum records versions as X.Y or X.Y.Z");
    }
    if (best == nullptr || *version > *best_version ||
        (*version == *best_version && row.date_installed > best->date_installed)) {
      best = &row;
      best_version = *version;
    }
  }
  return best;
}

}  // namespace pum::run
