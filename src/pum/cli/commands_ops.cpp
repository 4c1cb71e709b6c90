// Commands: db dump restore.
#include "pum/cli/command_table.hpp"
#include "pum/ops/database.hpp"
#include "pum/ops/dump_restore.hpp"

namespace pum::cli {

namespace {

// -N/--exclude-schema SCHEMA, repeatable; one value per flag, as pum's argparse `append`.
void add_exclude_schema(CLI::App& sub, std::vector<std::string>& into, const char* what) {
  sub.add_option("-N,--exclude-schema", into, what)->allow_extra_args(false)->type_name("SCHEMA");
}

void setup_db(CLI::App& sub, CliState& state) {
  auto& o = state.ops;
  sub.add_option("action", o.db_action, "create, drop or access")
      ->required()
      ->check(CLI::IsMember({"create", "drop", "access"}));
  sub.add_option("dbname", o.db.name, "Name of the database")->required();
  sub.add_option("--template", o.db.template_name,
                 "create: copy this database (CREATE DATABASE ... TEMPLATE)")
      ->type_name("TEMPLATE");
  sub.add_flag("--force", o.db.force,
               "drop: do not ask for confirmation (other sessions on it are closed)");
  sub.add_option("--grant-connect", o.db.grant_connect,
                 "access: grant CONNECT on the database to these roles")
      ->type_name("ROLE");
  sub.add_option("--revoke-connect", o.db.revoke_connect,
                 "access: revoke CONNECT on the database from these roles")
      ->type_name("ROLE");
  sub.add_flag("--keep-public", o.db.keep_public, "access: do not revoke CONNECT from PUBLIC");
}
int run_db(CliState& state) {
  auto& o = state.ops;
  o.db.action = o.db_action == "create" ? ops::DbAction::create
                : o.db_action == "drop" ? ops::DbAction::drop
                                        : ops::DbAction::access;
  ops::database_command(state.global, o.db);
  return 0;
}

void setup_dump(CLI::App& sub, CliState& state) {
  auto& o = state.ops;
  sub.add_option("file", o.dump.file, "File to write")->required();
  sub.add_option("-f,--format", o.dump_format, "custom or plain (default: plain)")
      ->transform(CLI::IsMember({"custom", "plain"}, CLI::ignore_case))
      ->type_name("FORMAT");
  add_exclude_schema(sub, o.dump.exclude_schemas,
                     "Leave this schema out (repeatable; a pg_dump pattern)");
}
int run_dump(CliState& state) {
  auto& o = state.ops;
  o.dump.format = o.dump_format == "custom" ? ops::DumpFormat::custom : ops::DumpFormat::plain;
  ops::dump(state.global, o.dump);
  return 0;
}

void setup_restore(CLI::App& sub, CliState& state) {
  auto& o = state.ops;
  sub.add_option("file", o.restore.file,
                 "Archive (pum dump -f custom) or plain SQL dump to restore")
      ->required();
  sub.add_flag("-x", o.restore.ignore_errors,
               "Go on when pg_restore (or psql) reports errors: log them as warnings");
  add_exclude_schema(sub, o.restore.exclude_schemas,
                     "Leave this schema out (repeatable; archives only)");
}
int run_restore(CliState& state) {
  ops::restore(state.global, state.ops.restore);
  return 0;
}

const Command kCommands[] = {
    {"db", "Create, drop a database or set who may connect to it", setup_db, run_db},
    {"dump", "Dump the database with pg_dump", setup_dump, run_dump},
    {"restore", "Restore a dump (archive or plain SQL) into the database", setup_restore,
     run_restore},
};

}  // namespace

std::span<const Command> ops_commands() { return kCommands; }

}  // namespace pum::cli
