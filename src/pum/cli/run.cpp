#include "pum/cli/run.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "pum/cli/argv.hpp"
#include "pum/cli/command_table.hpp"
#include "pum/cli/commands_fleet.hpp"
#include "pum/cli/delta_cli.hpp"
#include "pum/cli/help_format.hpp"
#include "pum/cli/manual_page.hpp"
#include "pum/cli/print_error.hpp"
#include "pum/config/suggest.hpp"
#include "pum/flat/flat_layout.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::cli {

namespace {

std::string version_text() {
  return fmt::format("pum {} (native; compatible with pum {})", PUM_VERSION, PUM_COMPAT_VERSION);
}

// -c wins over -d, as in pum: the config file's directory becomes the module directory.
void resolve_config(CliState& state) {
  namespace fs = std::filesystem;
  if (!state.config_file.empty()) {
    state.global.config_file = state.config_file;
    state.global.config_display = state.config_file;
  } else {
    fs::path dir = state.dir;
    state.global.config_file = dir / ".pum.yaml";
    state.global.config_display =
        state.dir == "." ? std::string(".pum.yaml") : (dir / ".pum.yaml").generic_string();
  }
  state.global.lock_timeout = state.lock_timeout;
}

// CLI11 reports a misspelt command as an unexpected argument; say what it is and suggest one.
std::string usage_message(CLI::App& app, const std::vector<Command>& commands,
                          const CLI::ParseError& e) {
  bool any_command = false;
  for (const auto* sub : app.get_subcommands()) any_command = any_command || sub->parsed();
  std::vector<std::string> extras = app.remaining();
  if (!any_command && dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr && !extras.empty() &&
      !extras.front().empty() && extras.front().front() != '-') {
    std::vector<std::string> names;
    names.reserve(commands.size());
    for (const auto& c : commands) names.emplace_back(c.name);
    std::string message = "unknown command '" + extras.front() + "'";
    if (auto close = config::suggest(extras.front(), names)) {
      message += " (did you mean '" + *close + "'?)";
    } else {
      message += " (commands: " + config::join(names) + ")";
    }
    return message;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    // CLI11 lists them last first; say them as typed.
    for (const auto* sub : app.get_subcommands()) {
      if (sub->parsed() && sub->remaining_size() > 0) extras = sub->remaining(false);
    }
    if (!extras.empty()) {
      return (extras.size() > 1 ? "The following arguments were not expected: "
                                : "The following argument was not expected: ") +
             config::join(extras, " ");
    }
  }
  return e.what();
}

// Which layout the command line is about: the flat layout when the module directory (-d, before
// the command; no -c) has no .pum.yaml and holds numbered .sql files; pum 1.x otherwise.
CommandLayout detect_layout(int argc, char** argv) {
  std::string dir = ".";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value_of = [&](std::string_view longname) -> std::optional<std::string> {
      if (arg.starts_with(std::string(longname) + "=")) {
        return std::string(arg.substr(longname.size() + 1));
      }
      if (arg == longname && i + 1 < argc) return std::string(argv[++i]);
      return std::nullopt;
    };
    if (arg == "-c" || arg.starts_with("--config")) return CommandLayout::pum1x;
    if (auto d = value_of("--dir")) {
      dir = *d;
      continue;
    }
    if (auto d = value_of("-d")) {
      dir = *d;
      continue;
    }
    // Options whose value follows them (a value is not the command).
    if (arg == "-p" || (arg.size() > 3 && std::string_view("--pg-connection").starts_with(arg)) ||
        arg == "--env") {
      ++i;
      continue;
    }
    if (!arg.starts_with("-")) break;  // the command: its own -d is something else
  }
  return flat::looks_like_flat_project(dir) ? CommandLayout::flat : CommandLayout::pum1x;
}

// The log level -q/-v (pum 0.x: --verbose) set is the command line's: the one before it is put
// back on return, as cli::run may run again in the same process.
class KeepLogLevel {
 public:
  KeepLogLevel() = default;
  ~KeepLogLevel() { log::set_level(level_); }
  KeepLogLevel(const KeepLogLevel&) = delete;
  KeepLogLevel& operator=(const KeepLogLevel&) = delete;
  KeepLogLevel(KeepLogLevel&&) = delete;
  KeepLogLevel& operator=(KeepLogLevel&&) = delete;

 private:
  log::Level level_ = log::level();
};

}  // namespace

int run(int argc, char** argv, const run::VersionObserver& on_versions) {
  const KeepLogLevel keep_log_level;
  if (looks_like_pum0x(argc, argv)) return run_pum0x(argc, argv);
  CliState state;
  state.global.on_versions = on_versions;
  CLI::App app{"pum: PostgreSQL upgrades manager (native, compatible with pum 1.x)", "pum"};
  app.formatter(help_formatter());
  app.set_version_flag("--version", version_text());
  app.set_help_flag("-h,--help", "Show this help and exit");
  auto* pg_connection = app.add_option("-p,--pg-connection", state.global.pg_connection,
                                       "PostgreSQL service name, connection string or URI");
  // fleet: a targets file gives each target its connection.
  if (!names_fleet_command(argc, argv)) pg_connection->required();
  app.add_option("-c,--config_file,--config-file", state.config_file,
                 "Path of the configuration file (default: <dir>/.pum.yaml); its directory is the "
                 "module directory");
  app.add_option("-d,--dir", state.dir, "Module directory (default: .)");
  app.add_option("--env", state.global.environment,
                 "Environment name given to lifecycle hooks (default: $PUM_ENV, else "
                 "'development')")
      ->type_name("NAME");
  auto* verbose =
      app.add_flag("-v,--verbose", state.verbose, "-v: debug, -vv: also every SQL statement");
  auto* quiet = app.add_flag("-q,--quiet", state.quiet, "Only warnings and errors");
  verbose->excludes(quiet);
  app.require_subcommand(0, 1);

  const std::vector<Command> commands = command_table(detect_layout(argc, argv));
  std::vector<std::pair<CLI::App*, const Command*>> subs;
  for (const Command& command : commands) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    command.setup(*sub, state);
    sub->footer(command_examples(command));
    subs.emplace_back(sub, &command);
  }
  // Hidden: the man page and the completion scripts, from this app (manual_page.hpp).
  app.add_option_function<std::string>(
         "--generate-manual",
         [&app](const std::string& kind) {
           std::cout << generate_manual(app, kind);
           throw CLI::Success();
         },
         "Write the man page or a completion script")
      ->check(CLI::IsMember(manual_kinds()))
      ->trigger_on_parse()
      ->group("");

  NormalisedArgs normalised = normalise_argv(app, argc, argv);
  auto usage_error = [&](const std::string& message) {
    std::cerr << "pum: error: " << message << '\n';
    if (!normalised.hint.empty()) std::cerr << "HINT: " << normalised.hint << '\n';
    std::cerr << "Run 'pum --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  };
  if (!normalised.error.empty()) return usage_error(normalised.error);
  try {
    std::vector<std::string> reversed(normalised.args.rbegin(), normalised.args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    std::cout << version_text() << '\n';
    return 0;
  } catch (const CLI::Success&) {
    return 0;
  } catch (const CLI::ParseError& e) {
    return usage_error(usage_message(app, commands, e));
  }

  if (state.quiet) log::set_level(log::Level::warning);
  if (state.verbose == 1) log::set_level(log::Level::debug);
  if (state.verbose >= 2) log::set_level(log::Level::sql);

  for (auto& [sub, command] : subs) {
    if (!sub->parsed()) continue;
    if (!state.config_file.empty() && app.get_option("--dir")->count() > 0) {
      log::warning("-d {} is ignored: -c {} wins, and its directory is the module directory",
                   state.dir, state.config_file);
    }
    resolve_config(state);
    try {
      return command->handler(state);
    } catch (const Error& error) {
      print_error(error);
      return static_cast<int>(error.code());
    } catch (const std::exception& e) {
      print_error(Error(fmt::format("internal error: {}", e.what()))
                      .hint("this is a bug in pum; please report it with the command you ran"));
      return static_cast<int>(ExitCode::failure);
    }
  }
  // -p given but no command: help, exit 0 (as pum).
  std::cout << app.help();
  return 0;
}

}  // namespace pum::cli
