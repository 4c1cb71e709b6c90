// `pum._native`: the native core under pum 1.8's Python API (python/pum). Each function takes
// the caller's psycopg connection as its PGconn* address and runs pum's own code on it, inside
// the caller's transaction; the `pum` package wraps them in pum 1.8's classes and exceptions
// (docs/python-api.md).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/changelog/changelog_dir.hpp"
#include "pum/history/migrations_table.hpp"
#include "pum/plan/plan.hpp"
#include "pum/python/bridge.hpp"
#include "pum/python/check_bindings.hpp"
#include "pum/python/config_json.hpp"
#include "pum/python/in_process_hooks.hpp"
#include "pum/python/ops_bindings.hpp"
#include "pum/python/roles_bindings.hpp"
#include "pum/python/schema_migrations.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/demo_data.hpp"
#include "pum/run/parameters.hpp"
#include "pum/run/project.hpp"
#include "pum/sql/forbidden.hpp"
#include "pum/sql/script.hpp"
#include "pum/util/source_text.hpp"

namespace py = pybind11;

namespace pum::python {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

ConfigHandle load_file(const std::string& path, const std::string& display) {
  return {std::make_shared<const config::Config>(config::load_config(path, display))};
}

ConfigHandle load_text(const std::string& text, const std::string& base_dir,
                       const std::string& display) {
  return {
      std::make_shared<const config::Config>(config::load_config_text(text, base_dir, display))};
}

py::list changelogs(const ConfigHandle& handle) {
  std::vector<Migration> migrations = run::load_migrations(*handle.config);
  py::list out;
  for (const Migration& migration : migrations) {
    py::list files;
    for (const auto& file : migration.files) files.append(file.path.string());
    py::dict entry;
    entry["version"] = migration.version.str();
    entry["dir"] = migration.dir.string();
    entry["files"] = files;
    entry["app_only"] = migration.app_only;
    out.append(entry);
  }
  return out;
}

// What validate=True adds to loading: every changelog file is read, split and checked (no
// transaction statement, no app_only parameter), every SQL hook rendered with the defaults.
// `with_changelogs` false: a configuration without version directories (pum 1.8 validates
// its hooks only).
void validate(const ConfigHandle& handle, bool with_changelogs) {
  const config::Config& config = *handle.config;
  run::ResolvedParameters params = run::resolve_parameters(config, {}, nullptr);
  if (with_changelogs) {
    std::vector<Migration> migrations = run::load_migrations(config);
    std::vector<const Migration*> all;
    all.reserve(migrations.size());
    for (const Migration& migration : migrations) all.push_back(&migration);
    run::prepare_migrations(config, all, params.values);
  }
  run::prepare_app_hooks(config, params.values, true, true);
}

// One version directory on its own (pum.changelog.Changelog): its SQL files in run order and
// whether it is an application-only release. Throws for a directory pum would refuse.
py::tuple changelog_files(const std::string& dir) {
  Migration migration;
  migration.dir = std::filesystem::absolute(dir).lexically_normal();
  migration.display = dir;
  migration.label = migration.dir.filename().string();
  list_migration_files(migration);
  py::list files;
  for (const auto& file : migration.files) files.append(file.path.string());
  return py::make_tuple(files, migration.app_only);
}

// A changelog file read, split and checked as install would (no statement that ends the
// transaction), without running it.
void check_sql_file(const std::string& path) {
  sql::Script script = sql::parse_script(SourceText::read(path, path));
  sql::check_forbidden(script);
}

void install(std::uintptr_t pgconn, const ConfigHandle& handle, const Pairs& parameters,
             std::optional<std::string> max_version, bool roles, bool grant, bool beta_testing,
             bool skip_drop_app, bool skip_create_app, bool allow_multiple_modules, bool commit,
             py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  run::InstallOptions options;
  options.parameters = parameters;
  options.max_version = std::move(max_version);
  // pum 1.8: roles are created when roles or grant is asked for.
  options.skip_roles = !(roles || grant);
  options.skip_grant = !grant;
  options.beta_testing = beta_testing;
  options.skip_drop_app = skip_drop_app;
  options.skip_create_app = skip_create_app;
  options.allow_multiple_modules = allow_multiple_modules;
  run::run_command(borrowed_global(pgconn, handle, commit), options, run::install);
}

void upgrade(std::uintptr_t pgconn, const ConfigHandle& handle, const Pairs& parameters,
             std::optional<std::string> max_version, bool grant, bool beta_testing, bool force,
             bool skip_drop_app, bool skip_create_app, bool skip_baseline_check, py::object sink,
             int level) {
  LogToPython log(std::move(sink), level);
  run::UpgradeOptions options;
  options.parameters = parameters;
  options.max_version = std::move(max_version);
  options.skip_grant = !grant;
  options.beta_testing = beta_testing;
  options.force = force;
  options.skip_drop_app = skip_drop_app;
  options.skip_create_app = skip_create_app;
  options.skip_baseline_check = skip_baseline_check;
  run::run_command(borrowed_global(pgconn, handle, true), options, run::upgrade);
}

void app(std::uintptr_t pgconn, const ConfigHandle& handle, const std::string& action,
         const Pairs& parameters, bool commit, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  run::AppOptions options;
  options.action = action == "drop"     ? run::AppAction::drop
                   : action == "create" ? run::AppAction::create
                                        : run::AppAction::recreate;
  options.parameters = parameters;
  run::run_command(borrowed_global(pgconn, handle, commit), options, run::app);
}

void uninstall(std::uintptr_t pgconn, const ConfigHandle& handle, const Pairs& parameters,
               bool commit, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  run::UninstallOptions options;
  options.parameters = parameters;
  options.force = true;  // the API never asks
  run::run_command(borrowed_global(pgconn, handle, commit), options, run::uninstall);
}

void install_demo_data(std::uintptr_t pgconn, const ConfigHandle& handle, const std::string& name,
                       const Pairs& parameters, bool grant, bool skip_drop_app,
                       bool skip_create_app, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  const config::Config& config = *handle.config;
  const config::DemoData* demo = run::find_demo_data(config, name);
  run::ResolvedParameters params = run::resolve_parameters(config, parameters, nullptr);
  db::Connection conn = run::open_connection(borrowed_global(pgconn, handle, true));
  run::load_demo_data(conn, config, *demo, params.values, {skip_drop_app, skip_create_app, !grant});
}

}  // namespace
}  // namespace pum::python

PYBIND11_MODULE(_native, m) {
  using namespace pum::python;
  m.doc() = "pum's native core, under pum 1.8's Python API (private: use the pum package)";
  register_errors(m);
  py::class_<ConfigHandle>(m, "Config")
      .def_property_readonly("module", [](const ConfigHandle& h) { return h.config->module; })
      .def("to_json", [](const ConfigHandle& h) { return config_json(*h.config).dump(); });
  m.def("load_config", &load_file, py::arg("path"), py::arg("display"));
  m.def("load_config_text", &load_text, py::arg("text"), py::arg("base_dir"), py::arg("display"));
  m.def("changelogs", &changelogs);
  m.def("validate", &validate);
  m.def("changelog_files", &changelog_files);
  m.def("check_sql_file", &check_sql_file);
  m.def("install", &install);
  m.def("upgrade", &upgrade);
  m.def("app", &app);
  m.def("uninstall", &uninstall);
  m.def("install_demo_data", &install_demo_data);
  m.def("pum_version", &pum::history::pum_version_string);
  bind_schema_migrations(m);
  bind_roles(m);
  bind_in_process_hooks(m);
  bind_check(m);
  bind_ops(m);
}
