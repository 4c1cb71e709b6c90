// Commands of the flat numbered-files layout (pgdbm, Flyway, dbmate directories; see
// docs/layout-flat.md): upgrade, rollback, info, history, new, verify. They run on a directory of
// NNN_name.sql files without .pum.yaml, or with one that says `layout: flat`
// (flat::looks_like_flat_project, flat/flat_config.hpp).
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "pum/cli/command_table.hpp"
#include "pum/db/connection.hpp"
#include "pum/flat/flat_config.hpp"
#include "pum/flat/flat_layout.hpp"
#include "pum/flat/flat_name.hpp"
#include "pum/plan/pending.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/run_report.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::cli {

namespace {

void add_tracking_options(CLI::App& sub, FlatCliOptions& o) {
  sub.add_option("--schema", o.schema,
                 "The schema of the templates and of the migrations table (pgdbm's schema); "
                 "default: none ({{tables.t}} is t, the table is public.schema_migrations)")
      ->type_name("SCHEMA");
  sub.add_option("--module", o.module,
                 "The module_name recorded with each file (default: the schema, else 'default')")
      ->type_name("MODULE");
  // pgdbm's migrations_table; not --table, which marks a pum 0.x command line.
  sub.add_option("--migrations-table", o.table, "The migrations table (default: schema_migrations)")
      ->type_name("TABLE");
}

// The command line's options, else those of the directory's .pum.yaml (flat_config.hpp), else
// the defaults.
flat::LayoutOptions layout_options(const CliState& state) {
  flat::LayoutOptions o;
  o.dir = state.dir;
  o.dir_display = state.dir;
  const flat::FlatConfig config =
      flat::load_flat_config(state.dir, state.dir).value_or(flat::FlatConfig{});
  auto pick = [](const std::string& given, const std::optional<std::string>& configured) {
    return !given.empty() ? given : configured.value_or("");
  };
  const std::string schema = pick(state.flat.schema, config.schema);
  if (!schema.empty()) o.tracking.schema = schema;
  const std::string table = pick(state.flat.table, config.migrations_table);
  o.tracking.table = table.empty() ? "schema_migrations" : table;
  o.tracking.module = pick(state.flat.module, config.module);
  return o;
}

// The lifecycle hooks of a flat project: no .pum.yaml, so only the pum_hooks.py of the
// migrations directory (Python is started only when there is one).
run::Lifecycle lifecycle(const CliState& state) {
  return run::Lifecycle(nullptr, fs::path(state.dir),
                        run::resolve_environment(state.global.environment), {},
                        state.global.pg_connection);
}

// The flat layout as the engine runs it (see flat_layout.hpp for why each rule).
run::LayoutRun layout_run(flat::Layout& project, run::Lifecycle* hooks) {
  run::LayoutRun run{project.source, project.tracking, {}};
  run.lifecycle = hooks;
  run.rules.render = project.renderer();
  // The outer BEGIN/COMMIT pair of a file is skipped first (skip_outer_transaction); any other
  // transaction statement would break all or nothing.
  run.rules.reject_transaction_control = true;
  run.rules.skip_outer_transaction = true;
  run.below_current = run::BelowCurrent::apply;
  run.changed_file = run::ChangedFile::refuse;
  run.atomicity = run::Atomicity::whole_run;
  run.log_files = false;
  run.on_start = [](const Migration& m) {
    const bool transactional = m.files.empty() || m.files.front().transactional;
    log::info("Applying {}{}", m.display, transactional ? "" : " (outside a transaction)");
  };
  return run;
}

std::string table_and_module(const flat::FlatTracking& tracking) {
  return fmt::format("{} (module {})", tracking.display_name(), tracking.module());
}

// ---- the directory against the table ----------------------------------------------------

struct State {
  std::vector<Migration> migrations;
  std::vector<layout::AppliedMigration> rows;
  plan::Pending plan;
  bool table_exists = false;
};

// The directory against the table: every applied file read (for its checksum).
State read_state(flat::Layout& project) {
  State s;
  s.migrations = project.source.list();
  s.table_exists = project.tracking.exists();
  if (s.table_exists) s.rows = project.tracking.read();
  std::unordered_map<std::string, bool> applied;
  for (const auto& row : s.rows) applied[row.key] = true;
  for (auto& m : s.migrations) {
    if (applied.contains(m.key)) project.source.read(m);
  }
  s.plan = plan::plan_pending(s.migrations, s.rows, {std::nullopt, plan::BelowCurrent::apply});
  return s;
}

// ---- upgrade -------------------------------------------------------------------------------

void setup_upgrade(CLI::App& sub, CliState& state) {
  add_tracking_options(sub, state.flat);
  auto* dry = sub.add_flag("--dry-run", state.flat.dry_run,
                           "Print what would be applied, with the hooks of each event, and change "
                           "nothing (no table is created)");
  auto* rehearse = sub.add_flag("--rehearse", state.flat.rehearse,
                                "Run everything for real inside the transaction, hooks included, "
                                "then roll back");
  dry->excludes(rehearse);
  sub.add_flag("--json", state.json,
               "A JSON report on stdout: the files applied (with --dry-run: to apply), their "
               "durations, whether committed (docs/schemas/run.schema.json)");
  sub.add_option("-u,--max-version", state.flat.max_version,
                 "Apply files up to and including this number")
      ->type_name("N");
  add_lock_timeout(sub, state.lock_timeout);
}

int run_upgrade(CliState& state) {
  run::UpgradeRequest request;
  if (!state.flat.max_version.empty()) {
    auto version = Version::parse(state.flat.max_version);
    if (!version) {
      throw usage_error(
          fmt::format("-u expects a migration number, not '{}'", state.flat.max_version));
    }
    request.max_version = *version;
  }
  auto conn = db::Connection::open(state.global.pg_connection);
  flat::Layout project(conn, layout_options(state));
  run::Lifecycle hooks = lifecycle(state);
  run::LayoutRun run = layout_run(project, &hooks);
  request.lock_timeout = state.lock_timeout;
  request.dry_run = state.flat.dry_run;
  request.rehearse = state.flat.rehearse;
  request.module = project.tracking.module();
  const auto started = std::chrono::steady_clock::now();
  run::UpgradeResult result = run::upgrade_layout(conn, run, request);
  auto print_report = [&] {
    run::RunReport report{"upgrade",
                          result.dry_run     ? "dry_run"
                          : request.rehearse ? "rehearsal"
                                             : "run",
                          project.tracking.module(), project.tracking.display_name()};
    if (result.from) report.from = result.from->str();
    for (std::size_t i : result.applied) {
      report.migrations.push_back(&result.migrations[i]);
      report.files.push_back({result.migrations[i].display});
    }
    if (!result.dry_run) report.durations_ms = result.durations_ms;
    report.committed = !result.dry_run && !request.rehearse;
    report.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
    run::print_run_report(report);
  };
  if (state.json && !result.dry_run) print_report();

  if (result.dry_run) {
    // Read and render what would run, so that a file error shows now rather than at the upgrade.
    std::vector<Migration*> pending;
    for (std::size_t i : result.applied) pending.push_back(&result.migrations[i]);
    (void)run::prepare_pending(run, pending);
    if (state.json) {
      print_report();
      return 0;
    }
    if (pending.empty()) {
      std::cout << fmt::format("Nothing to apply: {} is up to date\n",
                               table_and_module(project.tracking));
      return 0;
    }
    std::cout << fmt::format("Would apply {} migration{} to {}:\n", pending.size(),
                             pending.size() == 1 ? "" : "s", table_and_module(project.tracking));
    for (const Migration* m : pending) {
      const bool transactional = m->files.empty() || m->files.front().transactional;
      std::cout << fmt::format("  {}{}\n", m->display,
                               transactional ? "" : " (outside a transaction)");
    }
    return 0;
  }
  if (request.rehearse) return 0;  // the engine said what the rehearsal did
  if (state.global.on_versions) {
    std::optional<Version> to = result.from;
    for (std::size_t i : result.applied) {
      if (!to || *to < result.migrations[i].version) to = result.migrations[i].version;
    }
    auto text = [](const std::optional<Version>& v) {
      return v ? std::optional<std::string>(v->str()) : std::nullopt;
    };
    state.global.on_versions(text(result.from), text(to));
  }
  if (result.applied.empty()) {
    log::info("Nothing to apply: {} is up to date", table_and_module(project.tracking));
    return 0;
  }
  std::int64_t total = 0;
  for (auto ms : result.durations_ms) total += ms;
  log::info("Applied {} migration{} in {} ms", result.applied.size(),
            result.applied.size() == 1 ? "" : "s", total);
  return 0;
}

// ---- rollback ------------------------------------------------------------------------------

void setup_rollback(CLI::App& sub, CliState& state) {
  add_tracking_options(sub, state.flat);
  auto* to = sub.add_option("--to", state.flat.to,
                            "Undo every applied file numbered above N, newest first")
                 ->type_name("N");
  auto* steps = sub.add_option("--steps", state.flat.steps, "Undo the last N applied files")
                    ->type_name("N")
                    ->check(CLI::PositiveNumber);
  to->excludes(steps);
  sub.add_flag("--dry-run", state.flat.dry_run,
               "Print the down scripts that would run, newest first, and change nothing");
  add_lock_timeout(sub, state.lock_timeout);
}

int run_rollback(CliState& state) {
  run::RollbackRequest request;
  if (!state.flat.to.empty()) {
    auto version = Version::parse(state.flat.to);
    if (!version) {
      throw usage_error(fmt::format("--to expects a migration number, not '{}'", state.flat.to));
    }
    request.to = *version;
  } else if (state.flat.steps) {
    request.steps = *state.flat.steps;
  } else {
    throw usage_error("rollback needs --to N (undo the files above N) or --steps N");
  }
  request.dry_run = state.flat.dry_run;
  request.lock_timeout = state.lock_timeout;
  auto conn = db::Connection::open(state.global.pg_connection);
  flat::Layout project(conn, layout_options(state));
  run::Lifecycle hooks = lifecycle(state);
  run::LayoutRun run = layout_run(project, &hooks);
  const run::RollbackResult result = run::rollback_layout(conn, run, request);
  if (!request.dry_run && state.global.on_versions) {
    std::optional<Version> from = result.now;
    for (std::size_t i : result.undone) {
      if (!from || *from < result.migrations[i].version) from = result.migrations[i].version;
    }
    auto text = [](const std::optional<Version>& v) {
      return v ? std::optional<std::string>(v->str()) : std::nullopt;
    };
    state.global.on_versions(text(from), text(result.now));
  }
  return 0;
}

// ---- info ----------------------------------------------------------------------------------

void setup_info(CLI::App& sub, CliState& state) {
  add_tracking_options(sub, state.flat);
  sub.add_flag("--json", state.json,
               "One JSON document on stdout: every file with its state "
               "(docs/schemas/info.schema.json)");
}

// info --json: the same as the text, one entry per file (and per row without a file).
void print_info_json(const flat::Layout& project, const State& s,
                     const std::unordered_map<std::string, const layout::AppliedMigration*>& rows,
                     const std::unordered_map<const Migration*, bool>& changed) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& m : s.migrations) {
    auto it = rows.find(m.key);
    const char* state = it == rows.end() ? "pending" : changed.contains(&m) ? "edited" : "applied";
    files.push_back({{"file", m.key},
                     {"version", m.version.str()},
                     {"state", state},
                     {"applied_at", it == rows.end() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(it->second->applied_at)}});
  }
  for (const auto* row : s.plan.unknown_rows) {
    files.push_back({{"file", row->key},
                     {"version", row->version_text},
                     {"state", "missing"},
                     {"applied_at", row->applied_at}});
  }
  std::optional<Version> installed;
  for (const auto& row : s.rows) {
    if (!installed || *installed < row.version) installed = row.version;
  }
  nlohmann::json pending = nlohmann::json::array();
  for (const Migration* m : s.plan.to_apply) pending.push_back(m->version.str());
  const nlohmann::json doc = {
      {"info", 1},
      {"layout", "flat"},
      {"module", project.tracking.module()},
      {"table", project.tracking.display_name()},
      {"table_exists", s.table_exists},
      {"version", installed ? nlohmann::json(installed->str()) : nlohmann::json(nullptr)},
      {"latest", s.migrations.empty() ? nlohmann::json(nullptr)
                                      : nlohmann::json(s.migrations.back().version.str())},
      {"pending", std::move(pending)},
      {"files", std::move(files)},
  };
  std::cout << doc.dump(2) << "\n";
}

int run_info(CliState& state) {
  auto conn = db::Connection::open(state.global.pg_connection);
  flat::Layout project(conn, layout_options(state));
  State s = read_state(project);
  std::unordered_map<std::string, const layout::AppliedMigration*> rows;
  for (const auto& row : s.rows) rows[row.key] = &row;
  std::unordered_map<const Migration*, bool> changed;
  for (const auto& c : s.plan.changed) changed[c.migration] = true;
  if (state.json) {
    print_info_json(project, s, rows, changed);
    return 0;
  }

  std::cout << fmt::format("Migrations table: {}{}\n", table_and_module(project.tracking),
                           s.table_exists ? "" : " (does not exist yet)");
  std::cout << fmt::format("Applied: {}, pending: {}\n", s.rows.size(), s.plan.to_apply.size());
  for (const auto& m : s.migrations) {
    auto it = rows.find(m.key);
    if (it == rows.end()) {
      std::cout << fmt::format("  pending  {}\n", m.display);
    } else if (changed.contains(&m)) {
      std::cout << fmt::format("  edited   {}  (applied {})\n", m.display, it->second->applied_at);
    } else {
      std::cout << fmt::format("  applied  {}  ({})\n", m.display, it->second->applied_at);
    }
  }
  for (const auto* row : s.plan.unknown_rows) {
    std::cout << fmt::format("  missing  {}  (applied {}, no such file)\n", row->key,
                             row->applied_at);
  }
  return 0;
}

// ---- history -------------------------------------------------------------------------------

void setup_history(CLI::App& sub, CliState& state) {
  add_tracking_options(sub, state.flat);
  sub.add_flag("--json", state.json,
               "One JSON document on stdout: the rows, newest first "
               "(docs/schemas/history.schema.json)");
  sub.add_option("--limit", state.flat.limit, "Show at most this many rows")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
}

int run_history(CliState& state) {
  auto conn = db::Connection::open(state.global.pg_connection);
  flat::Layout project(conn, layout_options(state));
  const bool exists = project.tracking.exists();
  if (state.json) {
    nlohmann::json rows = nlohmann::json::array();
    if (exists) {
      for (const auto& row : project.tracking.history(state.flat.limit)) {
        rows.push_back(
            {{"filename", row.filename},
             {"module", row.module.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.module)},
             {"applied_at", row.applied_at},
             {"applied_by", row.applied_by},
             {"execution_time_ms",
              row.execution_ms ? nlohmann::json(*row.execution_ms) : nlohmann::json(nullptr)}});
      }
    }
    const nlohmann::json doc = {{"history", 1},
                                {"table", project.tracking.display_name()},
                                {"module", project.tracking.module()},
                                {"table_exists", exists},
                                {"rows", std::move(rows)}};
    std::cout << doc.dump(2) << "\n";
    return 0;
  }
  if (!exists) {
    std::cout << fmt::format("{} does not exist: nothing was applied\n",
                             project.tracking.display_name());
    return 0;
  }
  for (const auto& row : project.tracking.history(state.flat.limit)) {
    std::cout << fmt::format("{}  {}  {}  {}  {}\n", row.applied_at, row.filename,
                             row.module.empty() ? "-" : row.module, row.applied_by,
                             row.execution_ms ? fmt::format("{} ms", *row.execution_ms) : "-");
  }
  return 0;
}

// ---- new -----------------------------------------------------------------------------------

void setup_new(CLI::App& sub, CliState& state) {
  sub.add_option("name", state.flat.name,
                 "What the migration does, in letters, digits and underscores (add_users)")
      ->required();
}

int run_new(CliState& state) {
  const fs::path dir = state.dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string file = flat::next_file_name(flat::sql_file_names(dir), state.flat.name,
                                                std::chrono::system_clock::now());
  const fs::path path = dir / file;
  if (fs::exists(path, ec)) throw Error(fmt::format("{} exists already", path.generic_string()));
  std::ofstream out(path, std::ios::binary);
  out << "-- " << state.flat.name << "\n\n";
  out.close();
  if (!out) throw Error(fmt::format("cannot write {}", path.generic_string()));
  std::cout << path.generic_string() << "\n";
  return 0;
}

// ---- verify --------------------------------------------------------------------------------

void setup_verify(CLI::App& sub, CliState& state) {
  add_tracking_options(sub, state.flat);
  sub.add_flag("--json", state.json,
               "One JSON document on stdout: every problem found, exit 1 when any "
               "(docs/schemas/verify.schema.json)");
  auto* accept = sub.add_option("--accept", state.flat.accept,
                                "Accept the edit of this applied file: store its new checksum "
                                "(recorded with --reason in <table>_audit)")
                     ->type_name("FILE");
  sub.add_option("--reason", state.flat.reason, "Why the edit is accepted (with --accept)")
      ->type_name("TEXT")
      ->needs(accept);
  accept->needs(sub.get_option("--reason"));
}

int accept_edit(flat::Layout& project, State& s, const FlatCliOptions& options) {
  const std::string file = fs::path(options.accept).filename().string();
  if (options.reason.empty()) throw usage_error("--reason must say why the edit is accepted");
  for (const auto& c : s.plan.changed) {
    if (c.migration->key != file) continue;
    project.tracking.accept_checksum(file, c.row->checksum, c.migration->checksum, options.reason);
    std::cout << fmt::format("Accepted the edit of {}: checksum {} replaces {} (recorded in {})\n",
                             c.migration->display, c.migration->checksum, c.row->checksum,
                             project.tracking.audit_display_name());
    return 0;
  }
  for (const auto& m : s.migrations) {
    if (m.key == file) {
      throw Error(fmt::format("{} is {}: there is no edit to accept", m.display,
                              m.listed ? "unchanged since it was applied" : "not applied"));
    }
  }
  throw Error(fmt::format("{} is not a migration of {}", file, project.source.dir_display()));
}

int run_verify(CliState& state) {
  auto conn = db::Connection::open(state.global.pg_connection);
  flat::Layout project(conn, layout_options(state));
  State s = read_state(project);
  if (!state.flat.accept.empty()) return accept_edit(project, s, state.flat);

  std::optional<Version> latest_applied;
  for (const auto& row : s.rows) {
    if (!latest_applied || *latest_applied < row.version) latest_applied = row.version;
  }
  if (state.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& c : s.plan.changed) {
      problems.push_back({{"kind", "edited"},
                          {"file", c.migration->key},
                          {"recorded_checksum", c.row->checksum},
                          {"checksum", c.migration->checksum}});
    }
    for (const auto* row : s.plan.unknown_rows) {
      problems.push_back(
          {{"kind", "missing"}, {"file", row->key}, {"applied_at", row->applied_at}});
    }
    nlohmann::json older = nlohmann::json::array();
    for (const Migration* m : s.plan.to_apply) {
      if (latest_applied && m->version < *latest_applied) older.push_back(m->key);
    }
    const bool ok = problems.empty();
    const nlohmann::json doc = {{"verify", 1},
                                {"table", project.tracking.display_name()},
                                {"module", project.tracking.module()},
                                {"ok", ok},
                                {"applied", s.rows.size()},
                                {"pending", s.plan.to_apply.size()},
                                {"problems", std::move(problems)},
                                {"older_pending", std::move(older)}};
    std::cout << doc.dump(2) << "\n";
    return ok ? 0 : 1;
  }
  int problems = 0;
  for (const auto& c : s.plan.changed) {
    ++problems;
    std::cout << fmt::format("edited   {}: checksum {} recorded, {} now\n", c.migration->display,
                             c.row->checksum, c.migration->checksum);
  }
  for (const auto* row : s.plan.unknown_rows) {
    ++problems;
    std::cout << fmt::format("missing  {}: applied {}, no such file in {}\n", row->key,
                             row->applied_at, project.source.dir_display());
  }
  for (const Migration* m : s.plan.to_apply) {
    if (latest_applied && m->version < *latest_applied) {
      std::cout << fmt::format(
          "older    {}: not applied, numbered below applied files (it will "
          "run at the next upgrade)\n",
          m->display);
    }
  }
  if (problems > 0) {
    log::error("{} problem{} found against {}", problems, problems == 1 ? "" : "s",
               table_and_module(project.tracking));
    return 1;
  }
  std::cout << fmt::format("OK: {} applied file{} unchanged, {} pending\n", s.rows.size(),
                           s.rows.size() == 1 ? "" : "s", s.plan.to_apply.size());
  return 0;
}

const Command kCommands[] = {
    {"upgrade", "Apply the pending migration files", setup_upgrade, run_upgrade},
    {"rollback", "Undo the last applied files with their NNN_name.down.sql scripts", setup_rollback,
     run_rollback},
    {"info", "List applied and pending migration files", setup_info, run_info},
    {"history", "List applied migration files, newest first", setup_history, run_history},
    {"new", "Create the next migration file", setup_new, run_new},
    {"verify", "Check applied files against their checksums; accept an intended edit", setup_verify,
     run_verify},
};

}  // namespace

std::span<const Command> flat_commands() { return kCommands; }

}  // namespace pum::cli
