#include "pum/cli/delta_cli.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pum/cli/print_error.hpp"
#include "pum/cli/run.hpp"
#include "pum/db/advisory_lock.hpp"
#include "pum/db/connection.hpp"
#include "pum/delta/delta_name.hpp"
#include "pum/delta/delta_source.hpp"
#include "pum/delta/python_delta.hpp"
#include "pum/delta/upgrades_table.hpp"
#include "pum/delta/variables.hpp"
#include "pum/plan/pending.hpp"
#include "pum/run/engine.hpp"
#include "pum/run/lifecycle.hpp"
#include "pum/run/unit.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace pum::cli {

namespace {

constexpr std::array<std::string_view, 15> kOnlyPum0x = {"--pg_service",
                                                         "--pg_service1",
                                                         "--pg_service2",
                                                         "--pg_service_prod",
                                                         "--pg_service_test",
                                                         "--pg_service_comp",
                                                         "--table",
                                                         "--var",
                                                         "--verbose_level",
                                                         "-t",
                                                         "-p1",
                                                         "-p2",
                                                         "-pp",
                                                         "-pt",
                                                         "-pc"};

constexpr std::array<std::string_view, 7> kCommands = {"baseline", "info", "upgrade", "rollback",
                                                       "check",    "dump", "restore"};

bool is_only_pum0x(std::string_view arg) {
  for (auto option : kOnlyPum0x) {
    if (arg == option) return true;
    if (option.starts_with("--") && arg.size() > option.size() && arg.starts_with(option) &&
        arg[option.size()] == '=') {
      return true;
    }
  }
  return false;
}

// ---- output as pum 0.x prints it (its colours on a terminal without NO_COLOR) ----

enum class Colour { none, waiting, ok, warning, fail };

bool colour_on() {
  static const bool on = ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  return on;
}

// stdout of one pum 0.x command line, and whether it is in the middle of a line ("Upgrade...",
// "Applying delta ... "): an error ends it first.
class Console {
 public:
  void out(std::string_view text, Colour colour = Colour::none, bool newline = true) {
    const char* code = "";
    switch (colour) {
      case Colour::waiting:
        code = "\033[94m";
        break;
      case Colour::ok:
        code = "\033[92m";
        break;
      case Colour::warning:
        code = "\033[93m";
        break;
      case Colour::fail:
        code = "\033[91m";
        break;
      case Colour::none:
        break;
    }
    if (colour != Colour::none && colour_on()) {
      std::cout << code << text << "\033[0m";
    } else {
      std::cout << text;
    }
    if (newline) std::cout << '\n';
    if (newline) {
      line_open_ = false;
    } else if (!text.empty()) {
      line_open_ = true;
    }
    std::cout.flush();
  }

  // Ends the line stdout is in the middle of, if any.
  void end_line() {
    if (line_open_) out("");
  }

  // The user ended the line (the ENTER of an answer).
  void line_ended() { line_open_ = false; }

 private:
  bool line_open_ = false;
};

// ---- options ----

struct Options {
  std::string config_file;
  std::string pg_service;
  std::string table;
  std::vector<std::string> dirs;
  std::string baseline;
  std::string max_version;
  std::vector<std::string> vars;  // TYPE NAME VALUE, TYPE NAME VALUE ...
  bool verbose = false;
  // Our additions: lifecycle hooks' environment, upgrade --dry-run / --rehearse, rollback.
  std::optional<std::string> env;
  bool dry_run = false;
  bool rehearse = false;
  std::string rollback_to;
  std::optional<int> steps;
};

// The lifecycle hooks of a 0.x run (docs/hooks.md): no .pum.yaml, so only the pum_hooks.py of
// the first delta directory; the environment from --env, else PUM_ENV.
run::Lifecycle make_lifecycle(const Options& options) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(options.dirs.front(), ec);
  if (ec) dir = options.dirs.front();
  return run::Lifecycle(nullptr, dir, run::resolve_environment(options.env), {},
                        "service=" + options.pg_service);
}

// -c/--config_file: upgrades_table and delta_dirs stand in for a missing -t / -d.
void apply_config(Options& options) {
  if (options.config_file.empty()) return;
  YAML::Node root;
  try {
    root = YAML::LoadFile(options.config_file);
  } catch (const YAML::Exception& e) {
    throw Error(fmt::format("{}: {}", options.config_file, e.what()));
  }
  if (!root.IsMap()) return;
  if (options.table.empty() && root["upgrades_table"] && root["upgrades_table"].IsScalar()) {
    options.table = root["upgrades_table"].as<std::string>();
  }
  if (options.dirs.empty() && root["delta_dirs"]) {
    const YAML::Node dirs = root["delta_dirs"];
    if (dirs.IsScalar()) options.dirs.push_back(dirs.as<std::string>());
    if (dirs.IsSequence()) {
      for (const auto& d : dirs) options.dirs.push_back(d.as<std::string>());
    }
  }
}

void require(const Options& options, bool dirs) {
  if (options.table.empty()) throw usage_error("the following argument is required: -t/--table");
  if (dirs && options.dirs.empty()) {
    throw usage_error("the following argument is required: -d/--dir");
  }
}

db::Connection connect(const std::string& service) {
  return db::Connection::open("service=" + service);
}

// ---- baseline ----

bool plain_xyz(std::string_view text) {
  int dots = 0;
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && digit) {
      ++dots;
      digit = false;
    } else {
      return false;
    }
  }
  return dots == 2 && digit;
}

int baseline(Console& console, Options& options) {
  require(options, true);
  console.out("Set baseline...", Colour::waiting, false);
  const auto table = delta::TableName::parse(options.table);
  if (!plain_xyz(options.baseline)) {
    console.out("ERROR", Colour::fail);
    throw Error(fmt::format("wrong version format: '{}'", options.baseline))
        .hint("the baseline must be written X.Y.Z, e.g. 0.5.0");
  }
  auto conn = connect(options.pg_service);
  delta::UpgradesTable tracking(conn, table);
  tracking.create();
  layout::Record record;
  record.version = *Version::parse(options.baseline);
  conn.exec(tracking.record_sql(record));
  console.out("OK", Colour::ok);
  return 0;
}

// ---- info ----

void print_table(Console& console, const std::vector<std::vector<std::string>>& table) {
  std::vector<std::size_t> width(table.front().size(), 0);
  for (const auto& line : table) {
    for (std::size_t i = 0; i < line.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], utf8_length(line[i]));
    }
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text = "|";
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < line.size() ? line[i] : std::string();
      text +=
          " " + cell + std::string(width[i] - std::min(width[i], utf8_length(cell)), ' ') + " |";
    }
    console.out(text);
  };
  print_line(table.front());
  std::vector<std::string> dashes;
  for (auto w : width) dashes.emplace_back(w, '-');
  print_line(dashes);
  for (std::size_t i = 1; i < table.size(); ++i) print_line(table[i]);
}

// Python's str() of a datetime: microseconds, when there are any, as six digits.
std::string python_timestamp(std::string text) {
  const auto dot = text.find('.');
  if (dot != std::string::npos && text.size() - dot - 1 < 6) {
    text += std::string(6 - (text.size() - dot - 1), '0');
  }
  return text;
}

int info(Console& console, Options& options) {
  require(options, true);
  const auto table = delta::TableName::parse(options.table);
  auto conn = connect(options.pg_service);
  delta::UpgradesTable tracking(conn, table);
  if (!tracking.exists()) {
    throw Error(fmt::format("the upgrades table {} does not exist", table.display()))
        .hint("create it with: pum baseline -p SERVICE -t TABLE -d DIR -b X.Y.Z");
  }
  std::unordered_set<std::string> applied;
  for (const auto& row : tracking.read()) {
    if (row.success && !row.baseline) applied.insert(row.key);
  }
  delta::DeltaSource source(options.dirs);
  const std::vector<Migration> migrations = source.list();
  std::vector<std::vector<std::string>> files = {{"Version", "Name", "Type", "Status"}};
  std::string last_dir;
  for (const auto& m : migrations) {
    const auto name = delta::parse_delta_name(m.label);
    const std::string dir = m.display.substr(0, m.display.size() - m.label.size());
    if (dir != last_dir) {
      // The directory as given (os.path.join added at most a '/').
      std::string given = dir;
      for (const auto& d : options.dirs) {
        if (delta::join_display(d, m.label) == m.display) given = d;
      }
      console.out(fmt::format("delta files in dir:  {}", given));
      last_dir = dir;
    }
    files.push_back({name->version_text, name->name, delta::info_type_label(name->type),
                     applied.contains(m.key) ? "Applied" : "Pending"});
  }
  print_table(console, files);
  console.out("");
  console.out("Applied upgrades in database");
  std::vector<std::vector<std::string>> rows = {
      {"Version", "Name", "Type", "Installed by", "Installed on", "Status"}};
  for (const auto& row : tracking.rows()) {
    rows.push_back({row.version, row.description, delta::info_type_label(row.type),
                    row.installed_by, python_timestamp(row.installed_on),
                    row.success ? "Success" : "Failed"});
  }
  print_table(console, rows);
  return 0;
}

// ---- upgrade ----

// os.path.dirname(path) + os.sep: the directory a Python delta is told it sits in.
std::string delta_dir_of(const std::string& display) {
  const auto slash = display.rfind('/');
  if (slash == std::string::npos) return "/";  // pum 0.x: dirname("x.py") + os.sep
  std::string head = display.substr(0, slash + 1);
  while (head.size() > 1 && head.back() == '/') head.pop_back();
  if (head == "/") return head;
  return head + "/";
}

std::string current_version_text(delta::UpgradesTable& tracking) {
  std::optional<layout::AppliedMigration> best;
  for (auto& row : tracking.read()) {
    if (row.success && (!best || row.version > best->version)) best = std::move(row);
  }
  return best ? best->version_text : std::string();
}

// pum 0.x's type code of a delta: PRE 1, POST 2, PYTHON 4, SQL 8 (pre.sql is 9).
int delta_type_code(std::string_view kind) {
  int code = kind.ends_with("py") ? 4 : 8;
  if (kind.starts_with("pre.")) code |= 1;
  if (kind.starts_with("post.")) code |= 2;
  return code;
}

// What pum 0.x's upgrade -vv says of a delta: whether a row records it, and whether its version
// is at or above the database's (baseline rows included).
struct Found {
  const Migration* migration;
  bool applied;
  bool at_or_above_current;
};

std::vector<Found> look_at(const std::vector<Migration>& listed,
                           const std::vector<layout::AppliedMigration>& rows) {
  std::optional<Version> current;
  std::unordered_set<std::string> applied;
  for (const auto& row : rows) {
    if (!row.success) continue;
    if (!current || *current < row.version) current = row.version;
    if (!row.key.empty()) applied.insert(row.key);
  }
  std::vector<Found> found;
  found.reserve(listed.size());
  for (const auto& m : listed) {
    found.push_back({&m, applied.contains(m.key), !current || !(m.version < *current)});
  }
  return found;
}

int upgrade(Console& console, Options& options) {
  require(options, true);
  if (options.verbose) log::set_level(log::Level::debug);
  delta::Variables variables;
  for (std::size_t i = 0; i + 2 < options.vars.size(); i += 3) {
    variables.add(options.vars[i], options.vars[i + 1], options.vars[i + 2]);
  }
  std::optional<Version> max_version;
  if (!options.max_version.empty()) {
    auto parsed = Version::parse(options.max_version);
    if (!parsed) throw usage_error(parsed.error().message());
    max_version = *parsed;
  }
  const auto table = delta::TableName::parse(options.table);
  if (options.dry_run && options.rehearse) {
    throw usage_error("--dry-run and --rehearse exclude each other");
  }
  const bool transient = options.dry_run || options.rehearse;
  run::Lifecycle lifecycle = make_lifecycle(options);

  console.out("Upgrade...", Colour::waiting, false);
  try {
    auto conn = connect(options.pg_service);
    delta::UpgradesTable tracking(conn, table);
    if (!tracking.exists()) {
      throw Error(fmt::format("the upgrades table {} does not exist", table.display()))
          .hint("create it with: pum baseline -p SERVICE -t TABLE -d DIR -b X.Y.Z");
    }
    delta::DeltaSource source(options.dirs);
    const delta::PythonContext context{options.pg_service, options.table, options.dirs,
                                       variables.json()};

    run::FileRules rules;
    if (!variables.empty()) {
      rules.render = [&variables](const sql::Script& script, const sql::Statement& statement) {
        return delta::render_pyformat(script, statement, variables);
      };
    }
    rules.reject_transaction_control = true;
    rules.skip_outer_transaction = true;

    // The whole run holds the lock; every delta commits on its own (as in pum 0.x).
    const layout::LockSpec lock = tracking.lock();
    db::acquire_lock(conn, lock, std::nullopt);
    struct Unlock {
      db::Connection& conn;
      const layout::LockSpec& lock;
      ~Unlock() {
        try {
          db::release_lock(conn, lock);
        } catch (...) {  // the session ends right after, and the lock with it
        }
      }
    } unlock{conn, lock};

    auto run_all = [&](const std::vector<delta::AllScript>& scripts, const std::string& stem) {
      for (const auto& script : scripts) {
        if (transient) {
          // Committed files outside the run's transaction: a dry run or rehearsal skips them.
          console.out(fmt::format("     Skipping {} ({})", script.display,
                                  options.dry_run ? "dry run" : "rehearsal"));
          continue;
        }
        console.out(fmt::format("     Applying {}{}...", stem, script.python ? ".py" : ".sql"),
                    Colour::none, false);
        console.out(" ", Colour::none, false);
        if (script.python) {
          delta::run_python_delta(context, script.path, script.display,
                                  delta_dir_of(script.display), stem,
                                  current_version_text(tracking));
        } else {
          run::Unit unit = run::prepare_file(script.path, script.display, rules);
          run::execute(conn, unit);  // no transaction open: committed with its message
        }
        console.out("OK");
      }
    };

    // Every file-level error (a name clash, an unknown variable, a stray %, transaction
    // control, an unterminated quote) of what will run stops the run before pre-all does
    // anything. upgrade_layout plans again under the lock and prepares the same files.
    std::vector<Migration> listed = source.list();
    std::vector<Found> found;  // -vv: every delta as pum 0.x looks at it
    std::size_t next_found = 0;
    {
      const auto rows = tracking.read();
      const plan::Pending pending =
          plan::plan_pending(listed, rows, {max_version, run::BelowCurrent::skip});
      if (options.verbose) found = look_at(listed, rows);
      for (const Migration* m : pending.to_apply) {
        if (m->kind.ends_with("py")) continue;
        Migration copy = *m;
        source.read(copy);
        for (const auto& file : copy.files) (void)run::prepare_file(file.path, file.display, rules);
      }
      for (const auto& script : source.pre_all()) {
        if (!script.python) (void)run::prepare_file(script.path, script.display, rules);
      }
      for (const auto& script : source.post_all()) {
        if (!script.python) (void)run::prepare_file(script.path, script.display, rules);
      }
    }

    run_all(source.pre_all(), "pre-all");
    if (listed.empty()) {
      console.out("No delta files found");
    }

    run::LayoutRun layout{source, tracking, rules};
    layout.below_current = run::BelowCurrent::skip;
    layout.changed_file = run::ChangedFile::warn;
    layout.atomicity = run::Atomicity::per_migration;
    layout.log_files = false;
    layout.run_python = [&](db::Connection&, const Migration& migration,
                            const MigrationFile& file) {
      delta::run_python_delta(context, file.path, file.display, delta_dir_of(file.display),
                              migration.name, current_version_text(tracking));
    };
    // -vv: pum 0.x's lines about every delta before it, then about this one.
    auto print_found = [&](const Migration* until) {
      while (next_found < found.size()) {
        const Found& f = found[next_found++];
        console.out(fmt::format("Found delta {}, version {}, type {}", f.migration->name,
                                f.migration->version.str(), delta_type_code(f.migration->kind)));
        console.out(fmt::format("     Already applied:  {}", f.applied ? "True" : "False"));
        console.out(fmt::format("     Version greather or equal than current:  {}",
                                f.at_or_above_current ? "True" : "False"));
        if (until != nullptr && f.migration->key == until->key) return;
        console.out("Delta not applied");
      }
    };
    layout.on_start = [&](const Migration& migration) {
      print_found(&migration);
      console.out(
          fmt::format("     Applying delta {} {}...", migration.version.str(), migration.name),
          Colour::none, false);
      console.out(" ", Colour::none, false);
    };
    layout.on_done = [&](const Migration&, std::int64_t) { console.out("OK"); };
    layout.describe = [](const Migration& m) {
      return fmt::format("delta {} {}", m.version.str(), m.name);
    };
    if (!lifecycle.empty()) layout.lifecycle = &lifecycle;

    run::UpgradeRequest request;
    request.max_version = max_version;
    request.create_tracking = false;
    request.dry_run = options.dry_run;
    request.rehearse = options.rehearse;
    if (transient) console.out("");
    run::upgrade_layout(conn, layout, request);
    print_found(nullptr);

    run_all(source.post_all(), "post-all");
  } catch (...) {
    console.end_line();
    throw;
  }
  console.out("OK", Colour::ok);
  return 0;
}

// ---- rollback (our addition: pum 0.x has none) ----

int rollback(Options& options) {
  require(options, true);
  if (options.verbose) log::set_level(log::Level::debug);
  if (options.rollback_to.empty() == !options.steps.has_value()) {
    throw usage_error("rollback needs exactly one of --to X.Y.Z and --steps N");
  }
  if (options.steps && *options.steps < 1) throw usage_error("--steps must be 1 or more");
  run::RollbackRequest request;
  if (!options.rollback_to.empty()) {
    auto parsed = Version::parse(options.rollback_to);
    if (!parsed) throw usage_error("--to: " + parsed.error().message());
    request.to = *parsed;
  }
  request.steps = options.steps;
  request.dry_run = options.dry_run;
  const auto table = delta::TableName::parse(options.table);
  run::Lifecycle lifecycle = make_lifecycle(options);
  auto conn = connect(options.pg_service);
  delta::UpgradesTable tracking(conn, table);
  if (!tracking.exists()) {
    throw Error(fmt::format("the upgrades table {} does not exist", table.display()));
  }
  delta::DeltaSource source(options.dirs);
  run::FileRules rules;
  rules.reject_transaction_control = true;
  rules.skip_outer_transaction = true;
  run::LayoutRun layout{source, tracking, rules};
  layout.describe = [](const Migration& m) {
    return fmt::format("delta {} {}", m.version.str(), m.name);
  };
  if (!lifecycle.empty()) layout.lifecycle = &lifecycle;
  run::RollbackResult result = run::rollback_layout(conn, layout, request);
  if (!options.dry_run && !result.undone.empty()) {
    // The table's current version, baseline rows included (result.now counts only deltas).
    const std::string now = current_version_text(tracking);
    log::info("{} is now at version {}", table.display(), now.empty() ? "none" : now);
  }
  return 0;
}

// check, dump and restore: the pum 1.x commands they became, on the same services.
struct Delegated {
  std::string service1, service2, file;
  std::vector<std::string> ignore, exclude_schema, exclude_field_pattern;
  int verbose_level = 1;
  std::string output_file;
  bool ignore_errors = false;
};

int delegate(std::string_view command, const Delegated& d) {
  std::vector<std::string> args = {"pum", "-p", "service=" + d.service1, std::string(command)};
  if (command == "check") {
    args.push_back("service=" + d.service2);
    for (const auto& i : d.ignore) args.insert(args.end(), {"-i", i});
    for (const auto& p : d.exclude_field_pattern) args.insert(args.end(), {"-P", p});
    if (!d.output_file.empty()) args.insert(args.end(), {"-o", d.output_file});
  } else {
    if (command == "dump") args.insert(args.end(), {"-f", "custom"});  // pum 0.x: pg_dump -Fc
    if (command == "restore" && d.ignore_errors) args.emplace_back("-x");
    args.push_back(d.file);
  }
  for (const auto& n : d.exclude_schema) args.insert(args.end(), {"-N", n});
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return run(static_cast<int>(args.size()), argv.data());
}

// ---- test-and-upgrade ----

// pum 0.x's prompt: "PROMPT [n]|y: ", ENTER is no, anything but y/Y/n/N asks again. The end of
// standard input is no (pum 0.x crashed there): `yes | pum test-and-upgrade ...` says yes.
bool confirm(Console& console, const std::string& prompt) {
  while (true) {
    console.out(prompt + " [n]|y: ", Colour::none, false);
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      console.out("");
      return false;
    }
    console.line_ended();
    if (answer.empty() || answer == "n" || answer == "N") return false;
    if (answer == "y" || answer == "Y") return true;
    console.out("please enter y or n.");
  }
}

struct TestAndUpgrade {
  std::string prod, test, comp, file;
  bool ignore_restore_errors = false;
};

// pum 0.x's test-and-upgrade: dump prod, restore the dump into test, upgrade test, compare test
// with comp, and only when they match, ask, then upgrade prod. Each step is the command of the
// same name (dump, restore, check: pum 1.x's, as `pum dump` etc. of this command line are); the
// first failing step ends the run with its exit code, prod untouched unless the answer was yes.
int test_and_upgrade(Console& console, Options& options, const TestAndUpgrade& t,
                     const Delegated& check) {
  require(options, true);
  if (t.prod.empty() || t.test.empty() || t.comp.empty()) {
    throw usage_error(
        "test-and-upgrade needs -pp/--pg_service_prod, -pt/--pg_service_test and "
        "-pc/--pg_service_comp");
  }
  std::string file = t.file;
  if (file.empty() && !options.config_file.empty()) {
    const YAML::Node root = YAML::LoadFile(options.config_file);
    if (root.IsMap() && root["backup_file"] && root["backup_file"].IsScalar()) {
      file = root["backup_file"].as<std::string>();
    }
  }
  if (file.empty()) {
    throw usage_error(
        "test-and-upgrade needs -f/--file (or backup_file in the -c file): where to "
        "write the dump of production");
  }
  console.out("Test and upgrade...", Colour::waiting);

  Delegated dump;
  dump.service1 = t.prod;
  dump.file = file;
  dump.exclude_schema = check.exclude_schema;
  if (int code = delegate("dump", dump); code != 0) return code;

  Delegated restore;
  restore.service1 = t.test;
  restore.file = file;
  restore.ignore_errors = t.ignore_restore_errors;
  if (int code = delegate("restore", restore); code != 0 && !t.ignore_restore_errors) return code;

  Options on_test = options;
  on_test.pg_service = t.test;
  if (int code = upgrade(console, on_test); code != 0) return code;

  Delegated compare = check;
  compare.service1 = t.test;
  compare.service2 = t.comp;
  if (int code = delegate("check", compare); code != 0) {
    console.out(fmt::format("{} differs from {}: {} is not upgraded", t.test, t.comp, t.prod),
                Colour::warning);
    return code;
  }

  if (confirm(console, fmt::format("Apply deltas to {}?", t.prod))) {
    Options on_prod = options;
    on_prod.pg_service = t.prod;
    if (int code = upgrade(console, on_prod); code != 0) return code;
  }
  console.out("OK", Colour::ok);
  return 0;
}

// pum 0.x spellings CLI11 cannot declare (short options of two letters).
std::vector<std::string> normalise(int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-vv") arg = "--verbose";
    if (arg == "-p1") arg = "--pg_service1";
    if (arg == "-p2") arg = "--pg_service2";
    if (arg == "-pp") arg = "--pg_service_prod";
    if (arg == "-pt") arg = "--pg_service_test";
    if (arg == "-pc") arg = "--pg_service_comp";
    args.push_back(std::move(arg));
  }
  return args;
}

}  // namespace

bool looks_like_pum0x(int argc, char** argv) {
  std::optional<int> command;
  bool connection_before = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (is_only_pum0x(arg)) return true;
    if (command) continue;
    if (arg == "-p" || arg == "--pg-connection" || arg.starts_with("--pg-connection=")) {
      connection_before = true;
      ++i;
      continue;
    }
    if (arg == "-c" || arg == "--config_file" || arg == "--config-file" || arg == "-d" ||
        arg == "--dir") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    command = i;
    if (arg == "test-and-upgrade") return true;
    if (std::find(kCommands.begin(), kCommands.end(), arg) == kCommands.end()) return false;
  }
  if (!command || connection_before) return false;
  for (int i = *command + 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "-p") return true;
  }
  return false;
}

int run_pum0x(int argc, char** argv) {
  Options options;
  Console console;
  bool version = false;
  CLI::App app{"pum (pum 0.x command line): upgrade a database with delta files", "pum"};
  app.set_help_flag("-h,--help", "Show this help and exit");
  app.add_flag("-v,--version", version, "Print the version and exit");
  app.add_option("-c,--config_file", options.config_file,
                 "YAML file with upgrades_table and delta_dirs");
  app.require_subcommand(0, 1);

  auto common = [&](CLI::App& sub, bool dirs_required) {
    sub.add_option("-p,--pg_service", options.pg_service, "Name of the postgres service")
        ->required();
    sub.add_option("-t,--table", options.table, "Upgrades information table (schema.name)");
    auto* dirs = sub.add_option("-d,--dir", options.dirs, "Delta directories (space-separated)");
    (void)dirs_required;
    (void)dirs;
  };
  CLI::App* baseline_cmd =
      app.add_subcommand("baseline", "Create upgrade information table and set baseline");
  common(*baseline_cmd, true);
  baseline_cmd->add_option("-b,--baseline", options.baseline, "Set baseline in the format x.x.x")
      ->required();
  CLI::App* info_cmd = app.add_subcommand("info", "Show info about upgrades");
  common(*info_cmd, true);
  CLI::App* upgrade_cmd = app.add_subcommand("upgrade", "Upgrade db");
  common(*upgrade_cmd, true);
  upgrade_cmd->add_option("-u,--max-version", options.max_version, "Upper bound limit version");
  upgrade_cmd
      ->add_option("-v,--var", options.vars,
                   "Assign variable for running SQL deltas. Format is: (string|float|int) name "
                   "value")
      ->expected(3)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  upgrade_cmd->add_flag("--verbose", options.verbose, "Display extra information (-vv)");
  upgrade_cmd->add_flag("--dry-run", options.dry_run,
                        "Print what would run and change nothing (our addition)");
  upgrade_cmd->add_flag("--rehearse", options.rehearse,
                        "Run the pending deltas (and hooks) in one transaction, then roll it back "
                        "(our addition)");
  upgrade_cmd->add_option("--env", options.env,
                          "Environment given to lifecycle hooks (default: $PUM_ENV; our addition)");
  CLI::App* rollback_cmd = app.add_subcommand(
      "rollback", "Undo applied deltas with their .down.sql scripts (our addition)");
  common(*rollback_cmd, true);
  rollback_cmd->add_option("--to", options.rollback_to,
                           "Undo every applied delta above this version (X.Y.Z)");
  rollback_cmd->add_option("--steps", options.steps, "Undo the last N applied deltas");
  rollback_cmd->add_flag("--dry-run", options.dry_run, "Print what would be undone");
  rollback_cmd->add_option("--env", options.env, "Environment given to lifecycle hooks");
  rollback_cmd->add_flag("--verbose", options.verbose, "Display extra information (-vv)");
  Delegated delegated;
  CLI::App* check_cmd =
      app.add_subcommand("check", "Check the differences between two databases (pum 1.x's check)");
  check_cmd
      ->add_option("--pg_service1", delegated.service1, "Name of the first postgres service (-p1)")
      ->required();
  check_cmd
      ->add_option("--pg_service2", delegated.service2, "Name of the second postgres service (-p2)")
      ->required();
  check_cmd->add_option("-i,--ignore", delegated.ignore, "Elements to be ignored");
  check_cmd->add_option("-N,--exclude-schema", delegated.exclude_schema, "Schema to be ignored");
  check_cmd->add_option("-P,--exclude-field-pattern", delegated.exclude_field_pattern,
                        "Fields to be ignored (SQL LIKE pattern)");
  check_cmd->add_option("-v,--verbose_level", delegated.verbose_level, "Verbose level (0, 1 or 2)");
  check_cmd->add_option("-o,--output_file", delegated.output_file, "Output file");
  CLI::App* dump_cmd = app.add_subcommand("dump", "Dump a Postgres database (pum 1.x's dump)");
  dump_cmd->add_option("-p,--pg_service", delegated.service1, "Name of the postgres service")
      ->required();
  dump_cmd->add_option("-N,--exclude-schema", delegated.exclude_schema, "Schema to be ignored");
  dump_cmd->add_option("file", delegated.file, "The backup file")->required();
  CLI::App* restore_cmd = app.add_subcommand(
      "restore", "Restore a Postgres database from a dump file (pum 1.x's restore)");
  restore_cmd->add_option("-p,--pg_service", delegated.service1, "Name of the postgres service")
      ->required();
  restore_cmd->add_flag("-x", delegated.ignore_errors, "Ignore pg_restore errors");
  restore_cmd->add_option("-N,--exclude-schema", delegated.exclude_schema, "Schema to be ignored");
  restore_cmd->add_option("file", delegated.file, "The backup file")->required();
  TestAndUpgrade tau;
  CLI::App* tau_cmd = app.add_subcommand(
      "test-and-upgrade",
      "Try the upgrade on a test db and if all it's ok, do upgrade the production db");
  tau_cmd->add_option("--pg_service_prod", tau.prod, "Name of the pg_service of production (-pp)");
  tau_cmd->add_option("--pg_service_test", tau.test, "Name of the pg_service of a test db (-pt)");
  tau_cmd->add_option("--pg_service_comp", tau.comp,
                      "Name of the pg_service of a db to compare the upgraded test db with (-pc)");
  tau_cmd->add_option("-t,--table", options.table, "Upgrades information table (schema.name)");
  tau_cmd->add_option("-d,--dir", options.dirs, "Delta directories (space-separated)");
  tau_cmd->add_option("-f,--file", tau.file, "The backup file");
  tau_cmd->add_flag("-x", tau.ignore_restore_errors, "Ignore pg_restore errors");
  tau_cmd->add_option("-i,--ignore", delegated.ignore, "Elements to be ignored");
  tau_cmd->add_option("-N,--exclude-schema", delegated.exclude_schema, "Schema to be ignored");
  tau_cmd->add_option("-P,--exclude-field-pattern", delegated.exclude_field_pattern,
                      "Fields to be ignored (SQL LIKE pattern)");
  tau_cmd->add_option("-u,--max-version", options.max_version, "Upper bound limit version");
  tau_cmd
      ->add_option("-v,--var", options.vars,
                   "Assign variable for running SQL deltas. Format is: (string|float|int) name "
                   "value")
      ->expected(3)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  tau_cmd->add_flag("--verbose", options.verbose, "Display extra information (-vv)");

  std::vector<std::string> args = normalise(argc, argv);
  std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pum: error: " << e.what() << "\nRun 'pum --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  if (version) {
    std::cout << "pum version " << PUM_COMPAT_VERSION << '\n';
    return 0;
  }
  try {
    apply_config(options);
    if (baseline_cmd->parsed()) return baseline(console, options);
    if (info_cmd->parsed()) return info(console, options);
    if (upgrade_cmd->parsed()) return upgrade(console, options);
    if (rollback_cmd->parsed()) return rollback(options);
    if (check_cmd->parsed()) return delegate("check", delegated);
    if (dump_cmd->parsed()) return delegate("dump", delegated);
    if (restore_cmd->parsed()) return delegate("restore", delegated);
    if (tau_cmd->parsed()) return test_and_upgrade(console, options, tau, delegated);
  } catch (const Error& error) {
    console.end_line();
    print_error(error);
    return static_cast<int>(error.code());
  } catch (const std::exception& e) {
    console.end_line();
    print_error(Error(fmt::format("internal error: {}", e.what()))
                    .hint("this is a bug in pum; please report it with the command you ran"));
    return static_cast<int>(ExitCode::failure);
  }
  std::cout << app.help();
  return 0;
}

}  // namespace pum::cli
