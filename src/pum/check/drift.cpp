#include "pum/check/drift.hpp"

#include <fmt/format.h>

#include <exception>

#include "pum/check/catalog_sql.hpp"
#include "pum/check/read_snapshot.hpp"
#include "pum/check/scratch_database.hpp"
#include "pum/config/coerce.hpp"
#include "pum/history/migrations_table.hpp"
#include "pum/run/commands.hpp"
#include "pum/run/project.hpp"
#include "pum/ui/log.hpp"

namespace pum::check {

namespace {

// The value as -p would write it, so that coercion gives back the same value.
std::optional<std::string> cli_text(const pum::Value& value) {
  if (std::holds_alternative<bool>(value)) return std::get<bool>(value) ? "true" : "false";
  if (std::holds_alternative<std::int64_t>(value)) {
    return std::to_string(std::get<std::int64_t>(value));
  }
  if (std::holds_alternative<double>(value)) return fmt::format("{}", std::get<double>(value));
  if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
  return std::nullopt;
}

// The install of the scratch database logs like any install; keep it quiet unless -v.
class QuietLog {
 public:
  QuietLog() : saved_(log::level()) {
    if (saved_ == log::Level::info) log::set_level(log::Level::warning);
  }
  ~QuietLog() { log::set_level(saved_); }
  QuietLog(const QuietLog&) = delete;
  QuietLog& operator=(const QuietLog&) = delete;

 private:
  log::Level saved_;
};

// Grants need the configured roles, which are cluster-wide: drift never creates them, and
// grants only when they all exist already.
bool roles_exist(db::Connection& conn, const config::Config& config) {
  if (config.roles.empty()) return true;
  std::vector<std::string> names;
  for (const auto& role : config.roles) names.push_back(role.name);
  db::Result r = conn.query_one_row(sql::kCountRoles, {text_array_literal(names)});
  return r.text(0, 0) == std::to_string(names.size());
}

const history::MigrationRow& installed_row(history::MigrationsTable& table,
                                           const config::Config& config,
                                           std::vector<history::MigrationRow>& rows,
                                           const std::string& database) {
  if (!table.exists()) {
    throw Error(fmt::format("{} does not exist in {}: the module is not installed there",
                            table.display_name(), database))
        .hint(
            "drift compares a database installed by pum with its changelogs; run pum install "
            "first, or check -p and pum.migration_table_schema");
  }
  std::vector<history::MigrationRow> all = table.read_all();
  for (auto& row : all) {
    if (row.module.empty() || row.module == config.module) rows.push_back(std::move(row));
  }
  const history::MigrationRow* latest = run::latest_row(rows, table.display_name());
  if (latest == nullptr) {
    throw Error(fmt::format("{} holds no row of module {}", table.display_name(), config.module))
        .hint("the database was installed by another module; check -d/-c");
  }
  return *latest;
}

void install_into(const std::string& conninfo, const run::Global& global,
                  const std::string& version, const run::ParameterArgs& parameters, bool grant) {
  run::Global scratch_global = global;
  scratch_global.pg_connection = conninfo;
  run::InstallOptions install;
  install.max_version = version;
  install.parameters = parameters;
  install.skip_roles = true;
  install.skip_grant = !grant;
  try {
    QuietLog quiet;
    run::run_command(scratch_global, install, run::install);
  } catch (Error& error) {
    error.prefix("while installing the changelogs into the scratch database: ");
    throw;
  }
}

}  // namespace

run::ParameterArgs recorded_parameters(const config::Config& config,
                                       const nlohmann::json& recorded) {
  run::ParameterArgs args;
  if (!recorded.is_object()) return args;
  for (const auto& def : config.parameters) {
    auto found = recorded.find(def.name);
    if (found == recorded.end()) continue;
    pum::Value raw = from_json(*found);
    pum::Value value = config::coerce_value(def, raw).value_or(raw);
    if (auto text = cli_text(value)) args.emplace_back(def.name, *text);
  }
  return args;
}

int drift(const run::Global& global, const DriftOptions& options) {
  (void)select_kinds(options.selection.ignore, options.selection.include);
  config::Config config = run::load_project_config(global);
  (void)run::load_migrations(config);  // a broken changelogs directory fails before any work

  db::Connection production = db::Connection::open(global.pg_connection);
  const std::string database = production.display();
  history::MigrationsTable table(production, config.migration_table_schema);
  std::vector<history::MigrationRow> rows;
  const history::MigrationRow& latest = installed_row(table, config, rows, database);
  const std::string version = latest.version;
  run::ParameterArgs parameters = recorded_parameters(config, latest.parameters);
  bool grant = roles_exist(production, config);

  std::optional<db::Connection> scratch_admin;
  if (options.scratch_connection) scratch_admin = db::Connection::open(*options.scratch_connection);
  db::Connection& admin = scratch_admin ? *scratch_admin : production;

  Report report;
  report.connection2 = database;
  report.timestamp = local_timestamp();
  const char* dbname = PQdb(production.raw());
  const std::string scratch_name =
      options.scratch_name ? *options.scratch_name
                           : ScratchDatabase::make_name(dbname != nullptr ? dbname : "");
  report.connection1 = fmt::format("changelogs of {} up to {} (scratch database {})", config.module,
                                   version, scratch_name);
  // From here to the drop, SIGINT/SIGTERM/SIGHUP end the work in the scratch database instead
  // of ending pum; the signal is raised again once the database is dropped.
  SignalGuard signals(ScratchDatabase::conninfo_for(admin, PQdb(admin.raw())), scratch_name);
  std::exception_ptr failure;
  {
    ScratchDatabase scratch(admin, scratch_name);
    try {
      signals.throw_if_signalled();
      log::info("Installing {} up to version {} into the scratch database {}", config.module,
                version, scratch.name());
      install_into(scratch.conninfo(), global, version, parameters, grant);
      signals.throw_if_signalled();
      log::info("Comparing with {}", database);
      std::set<std::string> pum_table = {
          relation_key(config.migration_table_schema, "pum_migrations")};
      std::string scratch_conninfo = scratch.conninfo();
      report.results = compare_databases([&] { return db::Connection::open(scratch_conninfo); },
                                         [&] { return db::Connection::open(global.pg_connection); },
                                         options.selection, pum_table);
    } catch (...) {
      failure = std::current_exception();
    }
  }  // dropped here, whatever happened
  signals.reraise();
  if (failure) std::rethrow_exception(failure);

  write_output(render(report, options.output.format,
                      {fmt::format("Drift: the database compared with what the changelogs of {} "
                                   "build up to version {} (with the recorded parameters)",
                                   config.module, version),
                       "changelogs", "database"}),
               options.output);
  if (report.passed()) {
    log::info("OK: no drift, {} matches the changelogs of {} up to version {}", database,
              config.module, version);
    return 0;
  }
  log::info(
      "DRIFT FOUND: {} {} in {} of {} checks between the changelogs of {} up to version {} "
      "and {}",
      report.total_differences(), report.total_differences() == 1 ? "difference" : "differences",
      report.failed_checks(), report.results.size(), config.module, version, database);
  log::info(
      "(- rows: built by the changelogs, missing or different in the database; + rows: only in "
      "the database, changed by hand)");
  return 1;
}

}  // namespace pum::check
