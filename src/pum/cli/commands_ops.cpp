// Commands: db dump restore.
#include "pum/cli/command_table.hpp"
#include "pum/ops/database.hpp"
#include "pum/ops/dump_restore.hpp"

namespace pum::cli {

namespace {

// The option values of this group's commands (CliState belongs to the core commands).
std::string db_action;
ops::DbOptions db_options;
std::string dump_format = "plain";
ops::DumpOptions dump_options;
ops::RestoreOptions restore_options;

// -N/--exclude-schema SCHEMA, repeatable; one value per flag, as pum's argparse `append`.
void add_exclude_schema(CLI::App& sub, std::vector<std::string>& into, const char* what) {
  sub.add_option("-N,--exclude-schema", into, what)->allow_extra_args(false)->type_name("SCHEMA");
}

void setup_db(CLI::App& sub, CliState& /*state*/) {
  sub.add_option("action", db_action, "create, drop or access")
      ->required()
      ->check(CLI::IsMember({"create", "drop", "access"}));
  sub.add_option("dbname", db_options.name, "Name of the database")->required();
  sub.add_option("--template", db_options.template_name,
                 "create: copy this database (CREATE DATABASE ... TEMPLATE)")
      ->type_name("TEMPLATE");
  sub.add_flag("--force", db_options.force,
               "drop: do not ask for confirmation (other sessions on it are closed)");
  sub.add_option("--grant-connect", db_options.grant_connect,
                 "access: grant CONNECT on the database to these roles")
      ->type_name("ROLE");
  sub.add_option("--revoke-connect", db_options.revoke_connect,
                 "access: revoke CONNECT on the database from these roles")
      ->type_name("ROLE");
  sub.add_flag("--keep-public", db_options.keep_public,
               "access: do not revoke CONNECT from PUBLIC");
}
int run_db(CliState& state) {
  db_options.action = db_action == "create" ? ops::DbAction::create
                      : db_action == "drop" ? ops::DbAction::drop
                                            : ops::DbAction::access;
  ops::database_command(state.global, db_options);
  return 0;
}

void setup_dump(CLI::App& sub, CliState& /*state*/) {
  sub.add_option("file", dump_options.file, "File to write")->required();
  sub.add_option("-f,--format", dump_format, "custom or plain (default: plain)")
      ->transform(CLI::IsMember({"custom", "plain"}, CLI::ignore_case))
      ->type_name("FORMAT");
  add_exclude_schema(sub, dump_options.exclude_schemas,
                     "Leave this schema out (repeatable; a pg_dump pattern)");
}
int run_dump(CliState& state) {
  dump_options.format = dump_format == "custom" ? ops::DumpFormat::custom : ops::DumpFormat::plain;
  ops::dump(state.global, dump_options);
  return 0;
}

void setup_restore(CLI::App& sub, CliState& /*state*/) {
  sub.add_option("file", restore_options.file,
                 "Archive (pum dump -f custom) or plain SQL dump to restore")
      ->required();
  sub.add_flag("-x", restore_options.ignore_errors,
               "Go on when pg_restore (or psql) reports errors: log them as warnings");
  add_exclude_schema(sub, restore_options.exclude_schemas,
                     "Leave this schema out (repeatable; archives only)");
}
int run_restore(CliState& state) {
  ops::restore(state.global, restore_options);
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
