#include "pum/cli/manual_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace pum::cli {

namespace {

// ---- the examples ------------------------------------------------------------------------------

struct Example {
  std::string_view command;
  bool flat;  // a command of the flat layout (numbered .sql files without .pum.yaml)
  std::string_view line;
  std::string_view what;
};

// Every command's examples, in help order: `pum COMMAND --help` ends with them, and so does the
// man page.
constexpr Example kExamples[] = {
    {"info", false, "pum -p dbname=pipes -d examples/pipes info",
     "Show the installed version of the module in examples/pipes"},
    {"info", false, "pum -p \"host=db.example.org dbname=pipes user=admin\" -d pipes -v info",
     "The same with a connection string, and every changelog in detail"},
    {"install", false, "pum -p dbname=pipes -d examples/pipes install",
     "Install the module at its newest version, with the default parameters"},
    {"install", false,
     "pum -p dbname=pipes -d examples/pipes install --max-version 1.0.0 -p SRID 21781",
     "Install up to version 1.0.0, with the parameter SRID set to 21781"},
    {"install", false, "pum -p dbname=pipes -d examples/pipes install -d \"sample network\"",
     "Install, then load the demo data set \"sample network\""},
    {"upgrade", false, "pum -p dbname=pipes -d examples/pipes upgrade",
     "Apply every changelog newer than the installed version"},
    {"upgrade", false, "pum -p dbname=pipes -d examples/pipes upgrade -u 1.1.0 --lock-timeout 30",
     "Upgrade up to 1.1.0; give up after 30 s if another pum runs on the database"},
    {"baseline", false, "pum -p dbname=pipes -d examples/pipes baseline -b 1.1.0 --create-table",
     "Record 1.1.0 as installed (a database restored or built by other means)"},
    {"rollback", false, "pum -p dbname=pipes -d examples/pipes rollback --steps 1 --dry-run",
     "Show what undoing the newest version would run (its down/ scripts), changing nothing"},
    {"rollback", false, "pum -p dbname=pipes -d examples/pipes rollback --to 1.0.0",
     "Undo every version above 1.0.0, newest first, in one transaction"},
    {"app", false, "pum -p dbname=pipes -d examples/pipes app recreate -p label_lang fr",
     "Drop and create the application again, with French labels"},
    {"app", false, "pum -p dbname=pipes -d examples/pipes app drop",
     "Run the application drop hooks only"},
    {"hooks", false, "pum -p dbname=pipes -d examples/pipes hooks",
     "List the lifecycle hooks of the module per event"},
    {"hooks", false, "pum -p dbname=pipes -d examples/pipes --env production upgrade --dry-run",
     "Show the upgrade's plan with the hooks each event would run in production"},
    {"uninstall", false, "pum -p dbname=pipes -d examples/pipes uninstall --force",
     "Run the uninstall hooks without asking for confirmation"},
    {"role", false, "pum -p dbname=pipes -d examples/pipes role list",
     "Show the roles of .pum.yaml and whether the database has them"},
    {"role", false, "pum -p dbname=pipes -d examples/pipes role create-login --name alice",
     "Create the login role alice"},
    {"role", false,
     "pum -p dbname=pipes -d examples/pipes role grant --to alice --roles pipes_editor",
     "Make alice a member of pipes_editor"},
    {"check", false, "pum -p dbname=prod check dbname=staging",
     "Compare the structure of two databases; report on stdout"},
    {"check", false, "pum -p dbname=prod check dbname=staging -N public -f html -o report.html",
     "The same without the schema public, as an HTML report"},
    {"drift", false, "pum -p dbname=prod -d examples/pipes drift",
     "Show what was changed by hand in prod since its changelogs built it"},
    {"drift", false, "pum -p dbname=prod -d examples/pipes drift -f json -o drift.json",
     "The same as JSON, in a file"},
    {"fleet", false,
     "pum -p dbname=postgres -d examples/pipes fleet upgrade --databases 'city_*' -j 4",
     "Upgrade every database of the server whose name starts with city_, four at a time"},
    {"fleet", false, "pum -d examples/pipes fleet info --targets fleet.yaml --json",
     "The installed and the latest version of every target of fleet.yaml, as JSON"},
    {"fleet", false,
     "pum -p dbname=app -d migrations fleet upgrade --schemas 'tenant_*' --keep-going",
     "Flat layout: apply the pending files in every tenant_ schema, going on after a failure"},
    {"db", false, "pum -p dbname=postgres db create pipes", "Create the database pipes"},
    {"db", false, "pum -p dbname=postgres db create pipes_copy --template pipes",
     "Create a copy of pipes"},
    {"db", false, "pum -p dbname=pipes db access pipes --grant-connect pipes_viewer",
     "Let pipes_viewer (and only the roles granted) connect to pipes"},
    {"dump", false, "pum -p dbname=pipes dump pipes.sql", "Dump the database as plain SQL"},
    {"dump", false, "pum -p dbname=pipes dump -f custom -N public pipes.dump",
     "Dump it in pg_dump's custom format, without the schema public"},
    {"restore", false, "pum -p dbname=pipes_restored restore pipes.dump",
     "Restore a dump into the database pipes_restored"},
    {"restore", false, "pum -p dbname=pipes_restored restore -N public pipes.sql",
     "Restore a plain SQL dump, leaving out the schema public"},
    {"upgrade", true, "pum -p dbname=app -d migrations upgrade --schema auth --module auth_service",
     "Apply the pending numbered files of migrations/ in the schema auth"},
    {"upgrade", true, "pum -p dbname=app -d migrations upgrade --dry-run",
     "Show what would run; change nothing"},
    {"rollback", true, "pum -p dbname=app -d migrations rollback --steps 1 --dry-run",
     "Show which down script undoing the newest file would run; change nothing"},
    {"rollback", true, "pum -p dbname=app -d migrations rollback --to 2",
     "Undo every file numbered above 002 with its NNN_name.down.sql, newest first"},
    {"info", true, "pum -p dbname=app -d migrations info",
     "List the applied and pending migration files"},
    {"info", true, "pum -p dbname=app -d migrations info --schema auth --module auth_service",
     "The same for the module auth_service of the schema auth"},
    {"history", true, "pum -p dbname=app -d migrations history --limit 10",
     "The last 10 applied files, newest first"},
    {"history", true, "pum -p dbname=app -d migrations history --schema auth --module auth_service",
     "The applied files of one module"},
    {"new", true, "pum -p dbname=app -d migrations new add_orders",
     "Create the next numbered file, e.g. migrations/003_add_orders.sql"},
    {"verify", true, "pum -p dbname=app -d migrations verify",
     "Check the applied files against their recorded checksums"},
    {"verify", true,
     "pum -p dbname=app -d migrations verify --accept 002_add_sessions.sql --reason \"comment "
     "fixed\"",
     "Accept an intended edit of an applied file"},
};

bool is_flat_command(const Command& command) {
  return std::any_of(flat_commands().begin(), flat_commands().end(),
                     [&](const Command& c) { return c.setup == command.setup; });
}

std::vector<const Example*> examples_of(std::string_view name, bool flat) {
  std::vector<const Example*> out;
  for (const auto& example : kExamples) {
    if (example.command == name && example.flat == flat) out.push_back(&example);
  }
  return out;
}

// ---- what the app holds ------------------------------------------------------------------------

struct OptionDoc {
  std::vector<std::string> names;  // "-p", "--pg-connection"; a positional's name alone
  bool positional = false;
  bool takes_value = false;
  std::string type;                  // "TEXT", "SECONDS": what --help shows after the names
  std::vector<std::string> choices;  // an IsMember validator's values
  std::string description;
  bool required = false;
};

struct CommandDoc {
  std::string name;
  std::string summary;
  bool flat = false;
  std::vector<OptionDoc> options;
  std::vector<OptionDoc> positionals;
};

struct ManualDoc {
  std::string description;
  std::vector<OptionDoc> global;
  std::vector<CommandDoc> commands;       // the app's own
  std::vector<CommandDoc> flat_commands;  // the flat layout's, when the app is pum 1.x's
};

// "TEXT:{create,drop,recreate}" -> type TEXT, choices create drop recreate.
void split_type(const std::string& full, OptionDoc& doc) {
  const auto open = full.find('{');
  const auto close = full.rfind('}');
  std::string type = full;
  if (open != std::string::npos && close != std::string::npos && close > open) {
    std::string inside = full.substr(open + 1, close - open - 1);
    std::size_t start = 0;
    while (start <= inside.size()) {
      const auto comma = inside.find(',', start);
      std::string item =
          inside.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) doc.choices.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    type = full.substr(0, open);
    while (!type.empty() && (type.back() == ':' || type.back() == ' ')) type.pop_back();
  }
  doc.type = type;
}

OptionDoc option_doc(const CLI::Option& option) {
  OptionDoc doc;
  for (const auto& s : option.get_snames()) doc.names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) doc.names.push_back("--" + l);
  if (doc.names.empty()) {
    doc.positional = true;
    doc.names.push_back(option.get_name());
  }
  doc.takes_value = option.get_type_size_max() > 0;
  if (doc.takes_value) split_type(option.get_type_name(), doc);
  doc.description = option.get_description();
  doc.required = option.get_required();
  return doc;
}

// Hidden options (empty group) are left out, as --help leaves them out.
void collect_options(const CLI::App& app, std::vector<OptionDoc>& options,
                     std::vector<OptionDoc>* positionals) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;
    OptionDoc doc = option_doc(*option);
    if (doc.positional && positionals != nullptr) {
      positionals->push_back(std::move(doc));
    } else if (!doc.positional) {
      options.push_back(std::move(doc));
    }
  }
}

std::vector<CommandDoc> command_docs(const CLI::App& app, bool flat) {
  std::vector<CommandDoc> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;
    CommandDoc doc;
    doc.name = sub->get_name();
    doc.summary = sub->get_description();
    doc.flat = flat;
    collect_options(*sub, doc.options, &doc.positionals);
    out.push_back(std::move(doc));
  }
  return out;
}

bool has_command(const CLI::App& app, std::string_view name) {
  return !app.get_subcommands([name](const CLI::App* sub) { return sub->get_name() == name; })
              .empty();
}

ManualDoc manual_doc(const CLI::App& app) {
  ManualDoc doc;
  doc.description = app.get_description();
  collect_options(app, doc.global, nullptr);
  const bool flat = has_command(app, "history");
  doc.commands = command_docs(app, flat);
  if (!flat) {
    // The flat layout's table, set up on an app of its own as run.cpp does for a flat project.
    CLI::App flat_app;
    CliState state;
    for (const Command& command : flat_commands()) {
      CLI::App* sub =
          flat_app.add_subcommand(std::string(command.name), std::string(command.summary));
      command.setup(*sub, state);
    }
    doc.flat_commands = command_docs(flat_app, true);
  }
  return doc;
}

// Every command, both layouts: a name served by both (upgrade, info) once, options merged.
std::vector<CommandDoc> merged_commands(const ManualDoc& doc) {
  std::vector<CommandDoc> out = doc.commands;
  for (const auto& flat : doc.flat_commands) {
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const CommandDoc& c) { return c.name == flat.name; });
    if (same == out.end()) {
      out.push_back(flat);
      continue;
    }
    for (const auto& option : flat.options) {
      const bool known = std::any_of(same->options.begin(), same->options.end(),
                                     [&](const OptionDoc& o) { return o.names == option.names; });
      if (!known) same->options.push_back(option);
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// ---- man ---------------------------------------------------------------------------------------

// Text for roff: backslashes and hyphens escaped, no line starting with a control character.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string roff_option(const OptionDoc& option) {
  std::string out;
  if (option.positional) {
    out = "\\fI" + roff(option.names.front()) + "\\fR";
  } else {
    for (const auto& name : option.names) {
      if (!out.empty()) out += ", ";
      out += "\\fB" + roff(name) + "\\fR";
    }
    if (option.takes_value && !option.type.empty()) out += " \\fI" + roff(option.type) + "\\fR";
  }
  return out;
}

std::string roff_description(const OptionDoc& option) {
  std::string out = option.description;
  if (!option.choices.empty()) out += " (one of: " + join(option.choices, ", ") + ")";
  if (option.required && !option.positional) out += " (required)";
  return roff(out);
}

std::string roff_synopsis(const CommandDoc& command) {
  std::string out = "\\fBpum\\fR \\fB\\-p\\fR \\fICONNECTION\\fR [\\fIglobal options\\fR] \\fB" +
                    roff(command.name) + "\\fR";
  if (!command.options.empty()) out += " [\\fIoptions\\fR]";
  for (const auto& positional : command.positionals) {
    out += positional.required ? " \\fI" + roff(positional.names.front()) + "\\fR"
                               : " [\\fI" + roff(positional.names.front()) + "\\fR]";
  }
  return out;
}

void man_command(std::string& out, const CommandDoc& command) {
  out += ".SS \"" + roff(command.name) + "\"\n";
  out += roff_synopsis(command) + "\n.br\n";
  out += roff(command.summary) + ".\n";
  for (const auto& option : command.positionals) {
    out += ".TP\n" + roff_option(option) + "\n" + roff_description(option) + "\n";
  }
  for (const auto& option : command.options) {
    out += ".TP\n" + roff_option(option) + "\n" + roff_description(option) + "\n";
  }
}

void man_examples(std::string& out, const std::vector<CommandDoc>& commands) {
  for (const auto& command : commands) {
    for (const Example* example : examples_of(command.name, command.flat)) {
      out += ".PP\n" + roff(example->what) + ":\n.PP\n.RS 4\n.nf\n" + roff(example->line) +
             "\n.fi\n.RE\n";
    }
  }
}

std::string man_page(const ManualDoc& doc) {
  std::string out;
  out += ".\\\" Generated by `pum --generate-manual man` from pum's command line: do not edit.\n";
  out += fmt::format(".TH PUM 1 \"\" \"pum {}\" \"User Commands\"\n", PUM_VERSION);
  out += ".SH NAME\npum \\- PostgreSQL upgrades manager (native, compatible with pum " +
         roff(PUM_COMPAT_VERSION) + ")\n";
  out +=
      ".SH SYNOPSIS\n\\fBpum\\fR \\fB\\-p\\fR \\fICONNECTION\\fR [\\fB\\-d\\fR \\fIDIR\\fR | "
      "\\fB\\-c\\fR \\fIFILE\\fR] [\\fB\\-v\\fR | \\fB\\-q\\fR] \\fICOMMAND\\fR "
      "[\\fIcommand options\\fR]\n.br\n\\fBpum\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR\n.br\n"
      "\\fBpum\\fR \\fB\\-\\-version\\fR\n";
  out += ".SH DESCRIPTION\n" + roff(doc.description) + ".\n.PP\n";
  out += roff(
      "pum keeps the schema of a PostgreSQL database in step with a data model shipped as "
      "versioned SQL files: a .pum.yaml file and one directory of SQL files per version. It "
      "installs the model into an empty database, upgrades deployed databases to newer versions "
      "and records which versions each database holds in the table pum_migrations, as pum 1.8, "
      "the Python tool it replaces, does.");
  out += "\n.PP\n";
  out += roff(
      "A directory of numbered .sql files without .pum.yaml (001_name.sql, V2__name.sql) is a "
      "project of the flat layout, with commands of its own (see FLAT LAYOUT COMMANDS).");
  out += "\n.SH OPTIONS\n";
  for (const auto& option : doc.global) {
    out += ".TP\n" + roff_option(option) + "\n" + roff_description(option) + "\n";
  }
  out += ".SH COMMANDS\n";
  for (const auto& command : doc.commands) man_command(out, command);
  if (!doc.flat_commands.empty()) {
    out += ".SH FLAT LAYOUT COMMANDS\n";
    out += roff(
               "When the module directory (-d) holds numbered .sql files and no .pum.yaml, pum "
               "serves these commands instead (pgdbm's schema_migrations table):") +
           "\n";
    for (const auto& command : doc.flat_commands) man_command(out, command);
  }
  out += ".SH EXAMPLES\n";
  man_examples(out, doc.commands);
  if (!doc.flat_commands.empty()) {
    out += ".PP\n" + roff("Flat layout (migrations/ holds 001_create_users.sql, ...):") + "\n";
    man_examples(out, doc.flat_commands);
  }
  out += ".SH EXIT STATUS\n";
  const std::pair<const char*, const char*> codes[] = {
      {"0", "Success; also --help, --version, and -p without a command."},
      {"1",
       "Failure: configuration, changelogs, SQL, connection, a refused operation; for check, "
       "drift and verify: differences found."},
      {"2", "Usage error: unknown command or option, missing or extra argument."},
      {"3", "The migrations lock was not obtained within --lock-timeout seconds."},
      {"4", "fleet: some targets failed or were not started (the table or --json says which)."},
      {"128+N", "Ended by signal N (130 for Ctrl-C, 143 for SIGTERM); nothing was committed."},
  };
  for (const auto& [code, what] : codes) {
    out += ".TP\n\\fB" + roff(code) + "\\fR\n" + roff(what) + "\n";
  }
  out += ".SH ENVIRONMENT\n";
  const std::pair<const char*, const char*> variables[] = {
      {"PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSERVICE, PGSERVICEFILE, PGPASSFILE, "
       "PGSSLMODE, ...",
       "libpq's variables: the parts of the connection -p leaves out (see libpq's documentation, "
       "\"Environment Variables\"). A -p value without = or :// is a service name of "
       "pg_service.conf."},
      {"NO_COLOR", "When set and not empty, no colour in the output."},
      {"PUM_ENV",
       "The environment name given to lifecycle hooks when --env is not given (default: "
       "development)."},
      {"PUM_PG_BINDIR",
       "The directory of pg_dump and pg_restore (dump, restore) when the ones found are not "
       "wanted."},
  };
  for (const auto& [name, what] : variables) {
    out += ".TP\n\\fB" + roff(name) + "\\fR\n" + roff(what) + "\n";
  }
  out += ".SH FILES\n.TP\n\\fI.pum.yaml\\fR\n" +
         roff("The module's configuration, in the module directory (-d) unless -c names it.") +
         "\n.TP\n\\fI/usr/share/doc/pum/\\fR\n" +
         roff(
             "The user manual (manual.md) and the guides of roles, check, operations, Python "
             "hooks and the layouts.") +
         "\n";
  out += ".SH SEE ALSO\n\\fBpsql\\fR(1), \\fBpg_dump\\fR(1), \\fBpg_restore\\fR(1)\n";
  return out;
}

// ---- completions -------------------------------------------------------------------------------

std::vector<std::string> option_names(const std::vector<OptionDoc>& options) {
  std::vector<std::string> out;
  for (const auto& option : options) {
    for (const auto& name : option.names) out.push_back(name);
  }
  return out;
}

std::vector<std::string> valued_names(const std::vector<OptionDoc>& options) {
  std::vector<std::string> out;
  for (const auto& option : options) {
    if (!option.takes_value) continue;
    for (const auto& name : option.names) out.push_back(name);
  }
  return out;
}

std::string bash_script(const ManualDoc& doc) {
  const std::vector<CommandDoc> commands = merged_commands(doc);
  std::vector<std::string> names;
  for (const auto& command : commands) names.push_back(command.name);
  std::string out;
  out += "# bash completion for pum. Generated by `pum --generate-manual bash`: do not edit.\n";
  out += "_pum() {\n";
  out += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" word cmd=\"\" i skip=0\n";
  out += "  ((COMP_CWORD > 0)) && prev=\"${COMP_WORDS[COMP_CWORD - 1]}\"\n";
  out += "  local commands=\"" + join(names, " ") + "\"\n";
  out += "  local global_options=\"" + join(option_names(doc.global), " ") + "\"\n";
  out += "  local global_valued=\" " + join(valued_names(doc.global), " ") + " \"\n";
  out += "  COMPREPLY=()\n";
  out += "  # The command: the first word that is neither an option nor an option's value.\n";
  out += "  for ((i = 1; i < COMP_CWORD; i++)); do\n";
  out += "    word=\"${COMP_WORDS[i]}\"\n";
  out += "    if ((skip)); then skip=0; continue; fi\n";
  out += "    if [[ \"${global_valued}\" == *\" ${word} \"* ]]; then skip=1; continue; fi\n";
  out += "    [[ \"${word}\" == -* ]] && continue\n";
  out += "    cmd=\"${word}\"\n";
  out += "    break\n";
  out += "  done\n";
  out += "  if [[ -z \"${cmd}\" ]]; then\n";
  out += "    case \"${prev}\" in\n";
  out += "      -d|--dir) COMPREPLY=($(compgen -d -- \"${cur}\")); return 0 ;;\n";
  out +=
      "      -c|--config_file|--config-file) COMPREPLY=($(compgen -f -- \"${cur}\")); return 0 "
      ";;\n";
  out += "      -p|--pg-connection) return 0 ;;\n";
  out += "    esac\n";
  out += "    if [[ \"${cur}\" == -* ]]; then\n";
  out += "      COMPREPLY=($(compgen -W \"${global_options}\" -- \"${cur}\"))\n";
  out += "    else\n";
  out += "      COMPREPLY=($(compgen -W \"${commands}\" -- \"${cur}\"))\n";
  out += "    fi\n";
  out += "    return 0\n";
  out += "  fi\n";
  out += "  local options=\"\" valued=\"\" values=\"\"\n";
  out += "  case \"${cmd}\" in\n";
  for (const auto& command : commands) {
    std::vector<std::string> positional_choices;
    for (const auto& positional : command.positionals) {
      for (const auto& choice : positional.choices) positional_choices.push_back(choice);
    }
    out += "    " + command.name + ")\n";
    out += "      options=\"" + join(option_names(command.options), " ") + "\"\n";
    out += "      valued=\" " + join(valued_names(command.options), " ") + " \"\n";
    out += "      values=\"" + join(positional_choices, " ") + "\"\n";
    bool any_choices = false;
    for (const auto& option : command.options) any_choices = any_choices || !option.choices.empty();
    if (any_choices) {
      out += "      case \"${prev}\" in\n";
      for (const auto& option : command.options) {
        if (option.choices.empty()) continue;
        out += "        " + join(option.names, "|") + ") COMPREPLY=($(compgen -W \"" +
               join(option.choices, " ") + "\" -- \"${cur}\")); return 0 ;;\n";
      }
      out += "      esac\n";
    }
    out += "      ;;\n";
  }
  out += "  esac\n";
  out += "  # After an option that takes a value: files (paths are the usual values).\n";
  out += "  if [[ \"${valued}\" == *\" ${prev} \"* ]]; then\n";
  out += "    COMPREPLY=($(compgen -f -- \"${cur}\"))\n";
  out += "    return 0\n";
  out += "  fi\n";
  out += "  if [[ \"${cur}\" == -* ]]; then\n";
  out += "    COMPREPLY=($(compgen -W \"${options}\" -- \"${cur}\"))\n";
  out += "  elif [[ -n \"${values}\" ]]; then\n";
  out += "    COMPREPLY=($(compgen -W \"${values}\" -- \"${cur}\"))\n";
  out += "  else\n";
  out += "    COMPREPLY=($(compgen -f -- \"${cur}\"))\n";
  out += "  fi\n";
  out += "  return 0\n";
  out += "}\n";
  out += "complete -o filenames -F _pum pum\n";
  return out;
}

// Inside a zsh single-quoted _arguments spec: [ ] : escaped, ' closed and reopened.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == ':' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string zsh_option_specs(const std::vector<OptionDoc>& options, std::string_view indent) {
  std::string out;
  for (const auto& option : options) {
    for (const auto& name : option.names) {
      std::string spec = name + "[" + zsh_text(option.description) + "]";
      if (option.takes_value) {
        spec += ":" + zsh_text(option.type.empty() ? "value" : option.type) + ":";
        spec += option.choices.empty() ? "_files" : "(" + join(option.choices, " ") + ")";
      }
      out += std::string(indent) + "'" + spec + "' \\\n";
    }
  }
  return out;
}

std::string zsh_script(const ManualDoc& doc) {
  const std::vector<CommandDoc> commands = merged_commands(doc);
  std::string out;
  out += "#compdef pum\n";
  out += "# zsh completion for pum. Generated by `pum --generate-manual zsh`: do not edit.\n";
  out += "_pum() {\n";
  out += "  local curcontext=\"$curcontext\" state line ret=1\n";
  out += "  local -a commands\n";
  out += "  commands=(\n";
  for (const auto& command : commands) {
    out += "    '" + command.name + ":" + zsh_text(command.summary) + "'\n";
  }
  out += "  )\n";
  out += "  _arguments -C \\\n";
  out += zsh_option_specs(doc.global, "    ");
  out += "    '1: :->command' \\\n";
  out += "    '*:: :->args' && ret=0\n";
  out += "  case $state in\n";
  out += "    command)\n";
  out += "      _describe -t commands 'pum command' commands && ret=0\n";
  out += "      ;;\n";
  out += "    args)\n";
  out += "      case $words[1] in\n";
  for (const auto& command : commands) {
    out += "        " + command.name + ")\n";
    out += "          _arguments \\\n";
    out += zsh_option_specs(command.options, "            ");
    int index = 1;
    for (const auto& positional : command.positionals) {
      std::string action =
          positional.choices.empty() ? "_files" : "(" + join(positional.choices, " ") + ")";
      out += "            '" + std::to_string(index++) + ":" + zsh_text(positional.names.front()) +
             ":" + action + "' \\\n";
    }
    out += "            && ret=0\n";
    out += "          ;;\n";
  }
  out += "      esac\n";
  out += "      ;;\n";
  out += "  esac\n";
  out += "  return ret\n";
  out += "}\n";
  out += "_pum \"$@\"\n";
  return out;
}

std::string fish_text(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out.push_back(c);
  }
  return out + "'";
}

std::string fish_option(const OptionDoc& option, const std::string& condition) {
  std::string out = "complete -c pum -n " + fish_text(condition);
  for (const auto& name : option.names) {
    if (name.rfind("--", 0) == 0) {
      out += " -l " + name.substr(2);
    } else if (name.size() == 2) {
      out += " -s " + name.substr(1);
    } else {
      out += " -o " + name.substr(1);
    }
  }
  if (option.takes_value) out += " -r";
  if (!option.choices.empty()) out += " -f -a " + fish_text(join(option.choices, " "));
  out += " -d " + fish_text(option.description) + "\n";
  return out;
}

std::string fish_script(const ManualDoc& doc) {
  const std::vector<CommandDoc> commands = merged_commands(doc);
  std::vector<std::string> names;
  for (const auto& command : commands) names.push_back(command.name);
  const std::string all = join(names, " ");
  std::string out;
  out += "# fish completion for pum. Generated by `pum --generate-manual fish`: do not edit.\n";
  out += "set -l pum_commands " + all + "\n";
  const std::string none = "not __fish_seen_subcommand_from " + all;
  for (const auto& option : doc.global) out += fish_option(option, none);
  for (const auto& command : commands) {
    out += "complete -c pum -f -n " + fish_text(none) + " -a " + command.name + " -d " +
           fish_text(command.summary) + "\n";
  }
  for (const auto& command : commands) {
    const std::string in = "__fish_seen_subcommand_from " + command.name;
    for (const auto& option : command.options) out += fish_option(option, in);
    for (const auto& positional : command.positionals) {
      if (positional.choices.empty()) continue;
      out += "complete -c pum -f -n " + fish_text(in) + " -a " +
             fish_text(join(positional.choices, " ")) + " -d " + fish_text(positional.description) +
             "\n";
    }
  }
  return out;
}

}  // namespace

std::string command_examples(const Command& command) {
  const auto examples = examples_of(command.name, is_flat_command(command));
  if (examples.empty()) return {};
  std::string out = "Examples:";
  for (const Example* example : examples) {
    out += fmt::format("\n  {}\n      {}", example->line, example->what);
  }
  return out;
}

std::vector<std::string> manual_kinds() { return {"man", "bash", "zsh", "fish"}; }

std::string generate_manual(const CLI::App& app, std::string_view kind) {
  const ManualDoc doc = manual_doc(app);
  if (kind == "man") return man_page(doc);
  if (kind == "bash") return bash_script(doc);
  if (kind == "zsh") return zsh_script(doc);
  if (kind == "fish") return fish_script(doc);
  throw std::invalid_argument("unknown manual kind '" + std::string(kind) +
                              "' (man, bash, zsh or fish)");
}

}  // namespace pum::cli
