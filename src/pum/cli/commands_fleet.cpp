// pum fleet upgrade | info | install | rollback | verify | check | drift: the single-target
// command run over many
// targets (a targets file, the databases of a server, the tenant schemas of a database), each in
// a process of its own forked from this one (fleet/runner.hpp), then one table or JSON document.
#include "pum/cli/commands_fleet.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pum/check/check_command.hpp"
#include "pum/check/drift.hpp"
#include "pum/cli/print_error.hpp"
#include "pum/cli/run.hpp"
#include "pum/db/connection.hpp"
#include "pum/flat/flat_config.hpp"
#include "pum/flat/flat_layout.hpp"
#include "pum/fleet/discover.hpp"
#include "pum/fleet/pattern.hpp"
#include "pum/fleet/progress.hpp"
#include "pum/fleet/report.hpp"
#include "pum/fleet/runner.hpp"
#include "pum/fleet/target_state.hpp"
#include "pum/fleet/targets_file.hpp"
#include "pum/pum1x/changelog_source.hpp"
#include "pum/pum1x/pum_migrations_tracking.hpp"
#include "pum/run/context.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::cli {

namespace {

const std::vector<std::string> kActions = {"upgrade", "info",  "install", "rollback",
                                           "verify",  "check", "drift"};

bool compares(const std::string& action) { return action == "check" || action == "drift"; }

void setup_fleet(CLI::App& sub, CliState& state) {
  auto& o = state.fleet;
  sub.add_option("action", o.action, "What to run on every target")
      ->required()
      ->check(CLI::IsMember(kActions));
  sub.add_option("--targets", o.targets_file,
                 "A YAML file listing the targets: connections, parameters, environment "
                 "(docs/fleet.md)")
      ->type_name("FILE");
  sub.add_option("--databases", o.databases,
                 "Every database of the server of -p whose name matches (shell patterns, "
                 "comma-separated: 'city_*,town_?')")
      ->type_name("PATTERN");
  sub.add_option("--schemas", o.schemas,
                 "Flat layout: every schema of the database of -p whose name matches, each its "
                 "own --schema")
      ->type_name("PATTERN");
  sub.add_option("--exclude", o.exclude, "Leave out the databases or schemas matching this")
      ->type_name("PATTERN");
  sub.add_option("-j,--jobs", o.jobs,
                 "Targets run at once (default: twice the processors, at most 8)")
      ->type_name("N")
      ->check(CLI::Range(1, 256));
  sub.add_flag("--keep-going", o.keep_going,
               "Go on starting targets after a failure (default: stop starting new ones)");
  sub.add_option("--canary", o.canary,
                 "Run the first N targets first; start the others only when all N succeeded")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  sub.add_flag("--json", o.json, "One JSON document on stdout instead of the table");
  add_parameter_option(sub, state.parameters);
  sub.add_option("-u,--max-version", o.max_version,
                 "upgrade, install: up to and including this version (flat: number)")
      ->type_name("VERSION");
  auto* to = sub.add_option("--to", o.to, "rollback: undo every applied version above this one")
                 ->type_name("VERSION");
  sub.add_option("--steps", o.steps, "rollback: undo the last N applied versions")
      ->type_name("N")
      ->check(CLI::Range(1, 1000000))
      ->excludes(to);
  sub.add_option("--module", o.module, "Flat layout: the module_name of every target")
      ->type_name("MODULE");
  sub.add_option("--migrations-table", o.migrations_table, "Flat layout: the migrations table")
      ->type_name("TABLE");
  sub.add_option("--reference", o.reference,
                 "check: the database every target is compared with (service name, conninfo "
                 "or URI)")
      ->type_name("PG_CONNECTION");
  sub.add_option("--scratch", o.scratch,
                 "drift: create the scratch databases through this connection instead of each "
                 "target's server")
      ->type_name("CONNINFO");
  add_selection_options(sub, o.selection);
  add_lock_timeout(sub, state.lock_timeout);
}

// none: fleet check, which compares structures and needs no project.
enum class Layout { pum1x, flat, none };

// Everything the children share, set up once in the parent before the first fork.
struct Context {
  const CliState* state = nullptr;
  Layout layout = Layout::pum1x;
  std::optional<config::Config> config;  // pum 1.x
  std::vector<fleet::Target> targets;
};

Layout detect_layout(const CliState& state) {
  if (state.fleet.action == "check") return Layout::none;
  if (state.config_file.empty() && flat::looks_like_flat_project(state.dir)) return Layout::flat;
  std::error_code ec;
  if (!fs::exists(state.global.config_file, ec)) {
    throw usage_error(fmt::format("{} has neither {} nor numbered .sql files", state.dir,
                                  state.global.config_display))
        .hint(
            "fleet runs a pum 1.x module (.pum.yaml and changelogs/) or a flat directory of "
            "numbered .sql files; give it with -d DIR");
  }
  return Layout::pum1x;
}

void check_action(const Context& ctx) {
  const FleetCliOptions& o = ctx.state->fleet;
  const std::string& action = o.action;
  if (ctx.layout == Layout::pum1x && action == "verify") {
    throw usage_error("fleet verify is for the flat layout (numbered .sql files)");
  }
  if (ctx.layout == Layout::flat && action == "install") {
    throw usage_error(
        "fleet install is for pum 1.x modules: a flat directory is applied by "
        "fleet upgrade");
  }
  if (action == "rollback" && o.to.empty() && !o.steps) {
    throw usage_error("fleet rollback needs --to VERSION or --steps N");
  }
  if (action != "rollback" && (!o.to.empty() || o.steps)) {
    throw usage_error("--to and --steps are for fleet rollback");
  }
  if ((action == "check") != !o.reference.empty()) {
    throw usage_error(action == "check" ? "fleet check needs --reference: the database every "
                                          "target is compared with"
                                        : "--reference is for fleet check");
  }
  if (action != "drift" && !o.scratch.empty()) throw usage_error("--scratch is for fleet drift");
  const check::Selection& s = o.selection;
  const bool selects = !s.ignore.empty() || !s.include.empty() || !s.exclude_schemas.empty() ||
                       !s.exclude_field_patterns.empty() || s.include_migrations_table;
  if (selects && !compares(action)) {
    throw usage_error(
        "-i, --include, -N, -P and --include-migrations-table are for fleet check "
        "and fleet drift");
  }
  if (ctx.layout == Layout::flat && action == "drift") {
    throw usage_error(
        "fleet drift is for pum 1.x modules: a flat directory is checked with fleet verify");
  }
  if (ctx.layout == Layout::none) {
    if (!o.max_version.empty() || !ctx.state->parameters.empty() || !o.schemas.empty() ||
        !o.module.empty() || !o.migrations_table.empty()) {
      throw usage_error(
          "fleet check compares the structure of databases: it takes none of -u, -p NAME "
          "VALUE, --schemas, --module, --migrations-table");
    }
    for (const auto& t : ctx.targets) {
      if (!t.parameters.empty() || !t.schema.empty() || !t.module.empty()) {
        throw usage_error(fmt::format(
            "target '{}' sets parameters, schema or module, which fleet check does not use",
            t.name));
      }
    }
    return;
  }
  if (ctx.layout == Layout::pum1x && (!o.module.empty() || !o.migrations_table.empty())) {
    throw usage_error(
        "--module and --migrations-table are for the flat layout: a pum 1.x module "
        "has its module name and table schema in .pum.yaml");
  }
  if (ctx.layout == Layout::flat) {
    for (const auto& t : ctx.targets) {
      if (!t.parameters.empty()) {
        throw usage_error(
            fmt::format("target '{}' sets 'parameters', which are for pum 1.x "
                        "modules: a flat directory has no parameters",
                        t.name));
      }
    }
  }
  if (ctx.layout == Layout::pum1x) {
    if (!o.schemas.empty()) {
      throw usage_error(
          "--schemas is for the flat layout: a pum 1.x module has its schema in "
          ".pum.yaml");
    }
    for (const auto& t : ctx.targets) {
      if (!t.schema.empty() || !t.module.empty()) {
        throw usage_error(
            fmt::format("target '{}' sets 'schema'/'module', which are for the flat "
                        "layout",
                        t.name));
      }
    }
  }
}

// At most 20 names of a list that may hold thousands ("a, b, ... (1500 in all)").
std::string names_sample(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 20;
  if (names.empty()) return "none";
  if (names.size() <= kShown) return fmt::format("{}", fmt::join(names, ", "));
  return fmt::format("{}, ... ({} in all)", fmt::join(names.begin(), names.begin() + kShown, ", "),
                     names.size());
}

// The targets: from the file, or the databases or schemas of the server of -p.
std::vector<fleet::Target> collect_targets(const CliState& state) {
  const auto& o = state.fleet;
  const int sources = (o.targets_file.empty() ? 0 : 1) + (o.databases.empty() ? 0 : 1) +
                      (o.schemas.empty() ? 0 : 1);
  if (sources != 1) {
    throw usage_error(sources == 0 ? "fleet needs its targets: --targets FILE, --databases "
                                     "PATTERN or --schemas PATTERN"
                                   : "give only one of --targets, --databases and --schemas");
  }
  if (!o.targets_file.empty()) {
    if (!o.exclude.empty()) throw usage_error("--exclude goes with --databases or --schemas");
    if (!state.global.pg_connection.empty()) {
      throw usage_error(
          "-p is not used with --targets: each target of the file has its own "
          "connection ('pg:')");
    }
    return fleet::load_targets_file(o.targets_file, o.targets_file);
  }
  const bool databases = !o.databases.empty();
  const char* flag = databases ? "--databases" : "--schemas";
  if (state.global.pg_connection.empty()) {
    throw usage_error(fmt::format("{} needs -p: the {} to list", flag,
                                  databases ? "server (any of its databases)" : "database"));
  }
  const std::string& patterns = databases ? o.databases : o.schemas;
  const auto include = fleet::split_patterns(patterns);
  const auto exclude = fleet::split_patterns(o.exclude);
  if (include.empty()) throw usage_error(fmt::format("{} is empty", flag));
  std::vector<std::string> names;
  {
    db::Connection conn = db::Connection::open(state.global.pg_connection);
    names = databases ? fleet::list_databases(conn) : fleet::list_schemas(conn);
  }
  std::vector<std::string> selected = fleet::select_names(names, include, exclude);
  if (selected.empty()) {
    throw Error(fmt::format("no {} of '{}' matches '{}'{}", databases ? "database" : "schema",
                            db::redact_conninfo(state.global.pg_connection), patterns,
                            exclude.empty() ? "" : fmt::format(" (without '{}')", o.exclude)))
        .hint(
            fmt::format("{} there: {}", databases ? "databases" : "schemas", names_sample(names)));
  }
  std::vector<fleet::Target> targets;
  targets.reserve(selected.size());
  for (auto& name : selected) {
    fleet::Target t;
    if (databases) {
      t.pg_connection = fleet::database_conninfo(state.global.pg_connection, name);
    } else {
      t.pg_connection = state.global.pg_connection;
      t.schema = name;
    }
    t.name = std::move(name);
    targets.push_back(std::move(t));
  }
  return targets;
}

// ---- in the child -----------------------------------------------------------------------------

// As the target's own command sees them: the target's, else the fleet command line's, else the
// directory's .pum.yaml (flat_config.hpp), else the defaults.
flat::LayoutOptions flat_layout_options(const CliState& state, const fleet::Target& t) {
  flat::LayoutOptions o;
  o.dir = state.dir;
  o.dir_display = state.dir;
  const flat::FlatConfig config =
      flat::load_flat_config(state.dir, state.dir).value_or(flat::FlatConfig{});
  if (!t.schema.empty()) {
    o.tracking.schema = t.schema;
  } else if (config.schema) {
    o.tracking.schema = *config.schema;
  }
  if (!state.fleet.migrations_table.empty()) {
    o.tracking.table = state.fleet.migrations_table;
  } else if (config.migrations_table) {
    o.tracking.table = *config.migrations_table;
  }
  o.tracking.module = !t.module.empty()             ? t.module
                      : !state.fleet.module.empty() ? state.fleet.module
                                                    : config.module.value_or("");
  return o;
}

fleet::TargetState read_state(const Context& ctx, db::Connection& conn, const fleet::Target& t,
                              bool with_source) {
  if (ctx.layout == Layout::flat) {
    flat::Layout project(conn, flat_layout_options(*ctx.state, t));
    return fleet::read_target_state(project.tracking, with_source ? &project.source : nullptr,
                                    plan::BelowCurrent::apply);
  }
  pum1x::PumMigrationsTracking tracking(conn, ctx.config->migration_table_schema);
  pum1x::ChangelogSource source(ctx.config->base_dir, ctx.config->changelogs_directory);
  return fleet::read_target_state(tracking, with_source ? &source : nullptr,
                                  plan::BelowCurrent::skip);
}

// The single-target command line of a target, as a user would type it.
std::vector<std::string> target_args(const Context& ctx, const fleet::Target& t) {
  const CliState& state = *ctx.state;
  const auto& o = state.fleet;
  std::vector<std::string> args{"pum", "-p", t.pg_connection};
  if (!state.config_file.empty()) {
    args.insert(args.end(), {"-c", state.config_file});
  } else {
    args.insert(args.end(), {"-d", state.dir});
  }
  // The command line wins over the targets file, for --env as for -p NAME VALUE.
  if (state.global.environment) {
    args.insert(args.end(), {"--env", *state.global.environment});
  } else if (t.env) {
    args.insert(args.end(), {"--env", *t.env});
  }
  if (state.quiet) args.emplace_back("-q");
  for (int i = 0; i < state.verbose && i < 2; ++i) args.emplace_back("-v");
  args.push_back(o.action);
  if (ctx.layout == Layout::flat) {
    if (!t.schema.empty()) args.insert(args.end(), {"--schema", t.schema});
    const std::string& module = !t.module.empty() ? t.module : o.module;
    if (!module.empty()) args.insert(args.end(), {"--module", module});
    if (!o.migrations_table.empty()) {
      args.insert(args.end(), {"--migrations-table", o.migrations_table});
    }
  } else {
    // Parameters: the target's (targets file), then the command line's, which win.
    fleet::Pairs parameters = t.parameters;
    fleet::merge_pairs(parameters, state.parameters);
    for (const auto& [name, value] : parameters) args.insert(args.end(), {"-p", name, value});
  }
  if (!o.max_version.empty() && (o.action == "upgrade" || o.action == "install")) {
    args.insert(args.end(), {o.action == "install" ? "--max-version" : "-u", o.max_version});
  }
  if (o.action == "rollback") {
    if (!o.to.empty()) args.insert(args.end(), {"--to", o.to});
    if (o.steps) args.insert(args.end(), {"--steps", std::to_string(*o.steps)});
  }
  if (state.lock_timeout && o.action != "verify") {
    args.insert(args.end(), {"--lock-timeout", fmt::format("{}", *state.lock_timeout)});
  }
  return args;
}

int run_cli(std::vector<std::string> args, const run::VersionObserver& on_versions = {}) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return run(static_cast<int>(args.size()), argv.data(), on_versions);
}

void write_report(int fd, const nlohmann::json& report) {
  const std::string text = report.dump();
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
}

// The installed version of a target, on a connection of its own.
std::optional<std::string> current_version(const Context& ctx, const fleet::Target& t) {
  db::Connection conn = db::Connection::open(t.pg_connection);
  return read_state(ctx, conn, t, false).current;
}

// check and drift in the child: called directly rather than through the command line, so that
// "differences found" (their exit 1) is told apart from a failure (thrown). The report goes to
// the child's stdout, kept by the parent: check's JSON format when the fleet writes JSON.
int compare_target(const Context& ctx, const fleet::Target& t, nlohmann::json& report) {
  const FleetCliOptions& o = ctx.state->fleet;
  check::OutputOptions output;
  output.format = o.json ? check::Format::json : check::Format::text;
  int code = 0;
  if (o.action == "check") {
    code = check::check({t.pg_connection, o.reference, o.selection, output});
  } else {
    run::Global global = ctx.state->global;
    global.pg_connection = t.pg_connection;
    if (!global.environment && t.env) global.environment = t.env;
    check::DriftOptions options;
    options.selection = o.selection;
    options.output = output;
    if (!o.scratch.empty()) options.scratch_connection = o.scratch;
    code = check::drift(global, options);
  }
  if (code == 1) report["differs"] = true;
  return code;
}

// One target, in its own process: the command exactly as a single run. upgrade, install and
// rollback tell the versions before and after from inside their locked, committed run (one
// connection per target, and a `from` that another run at the same moment cannot make stale);
// when the run fails, the version it stayed at is read afterwards. info reads the state only;
// verify reads the installed version, then runs.
int run_target(const Context& ctx, const fleet::Target& t, int report_fd) {
  for (const auto& [name, value] : t.environment) setenv(name.c_str(), value.c_str(), 1);
  log::set_colour(false);
  nlohmann::json report = nlohmann::json::object();
  auto put = [&report](const char* key, const std::optional<std::string>& version) {
    if (version) report[key] = *version;
  };
  int code = 0;
  try {
    const std::string& action = ctx.state->fleet.action;
    if (compares(action)) {
      if (ctx.layout != Layout::none) {
        const std::optional<std::string> current = current_version(ctx, t);
        put("from", current);
        put("to", current);
      }
      code = compare_target(ctx, t, report);
    } else if (action == "info") {
      db::Connection conn = db::Connection::open(t.pg_connection);
      fleet::TargetState state = read_state(ctx, conn, t, true);
      put("from", state.current);
      put("to", state.latest);
      if (state.pending) report["pending"] = *state.pending;
    } else if (action == "verify") {
      const std::optional<std::string> current = current_version(ctx, t);
      put("from", current);
      put("to", current);
      code = run_cli(target_args(ctx, t));
    } else {
      bool told = false;
      code = run_cli(target_args(ctx, t), [&](const std::optional<std::string>& from,
                                              const std::optional<std::string>& to) {
        told = true;
        put("from", from);
        put("to", to);
      });
      if (!told) {
        try {
          const std::optional<std::string> current = current_version(ctx, t);
          put("from", current);
          put("to", current);
        } catch (const Error&) {  // the run's own error says what went wrong
        }
      }
    }
  } catch (const Error& error) {
    print_error(error);
    code = static_cast<int>(error.code());
  }
  std::cerr.flush();
  write_report(report_fd, report);
  return code;
}

// ---- the command ------------------------------------------------------------------------------

int run_fleet(CliState& state) {
  Context ctx;
  ctx.state = &state;
  ctx.layout = detect_layout(state);
  // A broken .pum.yaml is reported once, before any target starts.
  if (ctx.layout == Layout::pum1x) {
    // The configuration and the -p NAME VALUE given, checked as the targets' commands will
    // check them: an unknown or ill-typed parameter is reported once, not by every target.
    run::Needs needs;
    needs.parameters = run::ParameterSource::command_line;
    needs.parameter_args = &state.parameters;
    run::Context checked(state.global, needs);
    ctx.config = std::move(checked.config);
  }
  if (ctx.layout == Layout::flat && !state.parameters.empty()) {
    throw usage_error("-p NAME VALUE is for pum 1.x modules: a flat directory has no parameters");
  }
  check_action(ctx);  // the options first: a usage error before any connection
  ctx.targets = collect_targets(state);
  check_action(ctx);  // and the targets file's entries

  fleet::RunnerOptions options;
  options.policy.jobs = state.fleet.jobs.value_or(fleet::default_jobs());
  options.policy.keep_going = state.fleet.keep_going;
  options.policy.canary = state.fleet.canary;
  options.forward = state.quiet         ? fleet::Forward::none
                    : state.verbose > 0 ? fleet::Forward::all
                                        : fleet::Forward::failed;
  options.progress = fleet::progress_wanted(state.quiet);
  log::info("Fleet {}: {} target{}, {} at once", state.fleet.action, ctx.targets.size(),
            ctx.targets.size() == 1 ? "" : "s", std::min(options.policy.jobs, ctx.targets.size()));

  fleet::RunnerOutcome outcome =
      fleet::run_targets(ctx.targets, options, [&ctx](std::size_t index, int report_fd) {
        return run_target(ctx, ctx.targets[index], report_fd);
      });

  fleet::RunSummary summary;
  summary.action = state.fleet.action;
  summary.layout = ctx.layout == Layout::flat   ? "flat"
                   : ctx.layout == Layout::none ? "none"
                                                : "pum1x";
  summary.jobs = options.policy.jobs;
  summary.duration_ms = outcome.duration_ms;
  summary.interrupted = outcome.interrupt_signal != 0;
  summary.stop = outcome.stop;
  std::cout << (state.fleet.json ? fleet::render_json(ctx.targets, outcome.results, summary)
                                 : fleet::render_table(ctx.targets, outcome.results, summary))
            << std::flush;
  return fleet::exit_code(outcome.results, summary, outcome.interrupt_signal);
}

const Command kCommands[] = {
    {"fleet",
     "Run upgrade, info, install, rollback, verify, check or drift over many databases or "
     "schemas",
     setup_fleet, run_fleet},
};

}  // namespace

std::span<const Command> fleet_commands() { return kCommands; }

bool names_fleet_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    // Global options whose value follows them (a value is not the command).
    if (arg == "-p" || arg == "-d" || arg == "-c" || arg == "--env" ||
        (arg.size() > 3 && (std::string_view("--pg-connection").starts_with(arg) ||
                            std::string_view("--dir").starts_with(arg) ||
                            std::string_view("--config_file").starts_with(arg) ||
                            std::string_view("--config-file").starts_with(arg)))) {
      ++i;
      continue;
    }
    if (!arg.starts_with("-")) return arg == "fleet";
  }
  return false;
}

}  // namespace pum::cli
