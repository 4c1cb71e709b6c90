// Commands: check drift.
#include "pum/check/check_command.hpp"
#include "pum/check/drift.hpp"
#include "pum/check/kinds.hpp"
#include "pum/cli/command_table.hpp"

namespace pum::cli {

void add_selection_options(CLI::App& sub, check::Selection& selection) {
  auto& o = selection;
  sub.add_option("-i,--ignore", o.ignore,
                 "Checks to leave out (one or more of: tables columns constraints views "
                 "sequences indexes triggers functions rules)")
      ->check(CLI::IsMember(check::check_keys()).description(""))
      ->type_name("CHECK");
  sub.add_option("--include", o.include,
                 "Extra kinds to compare too (one or more of: types enums extensions policies "
                 "materialized_views privileges comments ownership, or all); commas allowed")
      ->check(CLI::IsMember(check::extra_keys()).description(""))
      ->delimiter(',')
      ->type_name("KIND");
  sub.add_option("-N,--exclude-schema", o.exclude_schemas,
                 "Schema to leave out of every check (repeatable)")
      ->allow_extra_args(false)
      ->type_name("SCHEMA");
  sub.add_option("-P,--exclude-field-pattern", o.exclude_field_patterns,
                 "LIKE pattern of column names to leave out of the columns check (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATTERN");
  sub.add_flag("--include-migrations-table", o.include_migrations_table,
               "Also compare the pum_migrations tables (left out by default: they differ "
               "between pum versions)");
}

namespace {

// The options check and drift share: what to compare and how to report it.
void add_compare_options(CLI::App& sub, CheckCliOptions& o) {
  add_selection_options(sub, o.selection);
  sub.add_option("-o,--output_file,--output-file", o.output_file,
                 "Write the report to this file instead of stdout")
      ->type_name("FILE");
  sub.add_option("-f,--format", o.format, "Report format: text (default), json or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->type_name("FORMAT");
}

check::OutputOptions output_options(const CheckCliOptions& o) {
  check::OutputOptions output;
  output.format = check::format_from_string(o.format).value_or(check::Format::text);
  if (!o.output_file.empty()) output.file = o.output_file;
  return output;
}

void setup_check(CLI::App& sub, CliState& state) {
  auto& o = state.check;
  sub.add_option("pg_connection_compared", o.compared,
                 "The database to compare with (service name, connection string or URI)")
      ->required()
      ->type_name("PG_CONNECTION_COMPARED");
  add_compare_options(sub, o);
}
int run_check(CliState& state) {
  const auto& o = state.check;
  check::CheckOptions options{state.global.pg_connection, o.compared, o.selection,
                              output_options(o)};
  return check::check(options);
}

void setup_drift(CLI::App& sub, CliState& state) {
  auto& o = state.check;
  sub.add_option("--scratch", o.scratch,
                 "Create the scratch database through this connection (another server or user) "
                 "instead of the server of -p")
      ->type_name("CONNINFO");
  sub.add_option("--scratch-name", o.scratch_name,
                 "Name of the scratch database (it must not exist; default: pum_drift_<database>_"
                 "<random>)")
      ->type_name("NAME");
  add_compare_options(sub, o);
}
int run_drift(CliState& state) {
  const auto& o = state.check;
  check::DriftOptions options;
  options.selection = o.selection;
  options.output = output_options(o);
  if (!o.scratch.empty()) options.scratch_connection = o.scratch;
  if (!o.scratch_name.empty()) options.scratch_name = o.scratch_name;
  return check::drift(state.global, options);
}

const Command kCommands[] = {
    {"check", "Compare the structure of the database with another one", setup_check, run_check},
    {"drift", "Compare the database with what its changelogs build (changes made by hand)",
     setup_drift, run_drift},
};

}  // namespace

std::span<const Command> check_commands() { return kCommands; }

}  // namespace pum::cli
