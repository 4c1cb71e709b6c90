// Crash safety under stress: `pum install` and `pum upgrade` are killed with SIGKILL at random
// moments (and, separately, their server backend is ended with pg_terminate_backend), many times.
// After each one the database must be exactly the state before the command or the state after
// it — compared through a schema and data dump (pg_dump, migrations rows excluded) plus the
// stable columns of pum_migrations — and the next run of the same command must succeed.
//
// The moments are drawn uniformly over the time a complete run takes on this machine (measured
// first), from a seed printed at the start: PUM_CRASH_SEED=<n> replays the same schedule.
// PUM_CRASH_KILLS (default 50 per command, 100 in all) and PUM_CRASH_TERMINATES (default 20)
// change the counts.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "case_runner.hpp"
#include "diff.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kVersions = 24;
constexpr int kBaseVersion = 7;  // upgrade starts from 1.<kBaseVersion>.0

std::string version_name(int v) { return "1." + std::to_string(v) + ".0"; }

// A module whose install takes a few hundred milliseconds: kVersions versions of two files each
// (tables with constraints, indexes, rows, a function, a view), an application layer recreated
// by hooks, and a parameter. Every version creates its own objects, so a rolled-back run leaves
// no trace (sequences would: nextval is not transactional, so none is used by a later version).
void write_project(const std::string& project) {
  e2e::write_text_file(project + "/.pum.yaml",
                       "pum:\n"
                       "  module: crash_many\n"
                       "  migration_table_schema: crash_sys\n"
                       "parameters:\n"
                       "  - name: rows\n"
                       "    type: integer\n"
                       "    default: 400\n"
                       "application:\n"
                       "  drop:\n"
                       "    - code: DROP SCHEMA IF EXISTS crash_app CASCADE\n"
                       "  create:\n"
                       "    - file: app/create.sql\n");
  // The application layer uses what every installed version has: version 1.0.0's tables.
  e2e::write_text_file(project + "/app/create.sql",
                       "CREATE SCHEMA crash_app;\n"
                       "CREATE VIEW crash_app.items AS SELECT a.id, a.label, b.note FROM "
                       "crash_data.t_0_a AS a JOIN crash_data.t_0_b AS b ON b.a_id = a.id;\n"
                       "CREATE FUNCTION crash_app.total() RETURNS numeric LANGUAGE sql STABLE "
                       "AS $$ SELECT sum(amount) FROM crash_data.t_0_a $$;\n");
  for (int v = 0; v < kVersions; ++v) {
    const std::string n = std::to_string(v);
    const std::string dir = project + "/changelogs/" + version_name(v);
    std::string a = v == 0 ? "CREATE SCHEMA crash_data;\n" : "";
    a += "CREATE TABLE crash_data.t_" + n +
         "_a (id integer PRIMARY KEY, label text NOT NULL, amount numeric CHECK (amount >= 0));\n"
         "INSERT INTO crash_data.t_" +
         n + "_a SELECT g, 'row ' || g, g * 1.5 FROM generate_series(1, {rows}) AS g;\n" +
         "CREATE INDEX t_" + n + "_a_label ON crash_data.t_" + n + "_a (label);\n";
    std::string b = "CREATE TABLE crash_data.t_" + n + "_b (id integer PRIMARY KEY, a_id integer " +
                    "REFERENCES crash_data.t_" + n + "_a (id), note text);\n" +
                    "INSERT INTO crash_data.t_" + n + "_b SELECT g, g, md5(g::text) " +
                    "FROM generate_series(1, {rows}) AS g;\n" + "CREATE FUNCTION crash_data.f_" +
                    n + "(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + " + n +
                    " $$;\n" + "COMMENT ON TABLE crash_data.t_" + n + "_b IS 'version " +
                    version_name(v) + "';\n";
    e2e::write_text_file(dir + "/01_a.sql", a);
    e2e::write_text_file(dir + "/02_b.sql", b);
  }
}

// What the test compares: pg_dump (schema and data) without the rows of pum_migrations, then
// those rows without their per-run columns (id, date_installed).
std::string signature(const std::string& db, const std::string& scratch) {
  static const std::string pg_dump = e2e::find_pg_program("pg_dump");
  e2e::ProcessOptions options;
  options.argv = {pg_dump, "--no-password", "--exclude-table-data=*.pum_migrations", "-d",
                  e2e::conninfo_for(db)};
  options.timeout = 60s;
  const e2e::ProcessResult dump = e2e::run_process(options, scratch);
  if (dump.signal != 0 || dump.timed_out || dump.exit_code != 0) {
    throw std::runtime_error("pg_dump of " + db + " failed (" + dump.status() + "):\n" +
                             dump.stderr_text);
  }
  std::ostringstream out;
  std::istringstream lines(dump.stdout_text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("\\restrict ", 0) == 0 || line.rfind("\\unrestrict ", 0) == 0) continue;
    out << line << '\n';
  }
  e2e::Db conn(e2e::conninfo_for(db));
  if (conn.value("SELECT to_regclass('crash_sys.pum_migrations') IS NOT NULL") == "t") {
    out << "-- pum_migrations\n"
        << e2e::format_rows(
               conn.query("SELECT module, version, beta_testing, changelog_files, parameters, "
                          "migration_table_version, pum_version FROM crash_sys.pum_migrations "
                          "ORDER BY string_to_array(version, '.')::int[]"));
  }
  return out.str();
}

class CrashMany : public testing::Test {
 protected:
  void SetUp() override {
    try {
      e2e::require_test_server();
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
    tmp_ = e2e::make_temp_dir("pum-it-crash-many");
    scratch_ = tmp_ + "/scratch";
    project_ = tmp_ + "/project";
    e2e::write_text_file(scratch_ + "/.keep", "");
    write_project(project_);
    seed_ = 20240611;
    if (const char* s = std::getenv("PUM_CRASH_SEED")) seed_ = std::strtoull(s, nullptr, 10);
  }

  void TearDown() override {
    if (HasFailure()) {
      std::cout << "kept " << tmp_ << " and database " << work_db_ << " for inspection\n";
      return;
    }
    for (const auto& db : created_) e2e::drop_database(db);
    e2e::remove_all(tmp_);
  }

  static int env_count(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
  }

  e2e::ProcessOptions pum(const std::string& db, const std::vector<std::string>& args) const {
    e2e::ProcessOptions options;
    options.argv = {e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(db), "-d", project_};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.env["NO_COLOR"] = "1";
    // pum's session is found by its fallback application_name 'pum'; PGAPPNAME would win.
    options.env["PGAPPNAME"] = std::nullopt;
    // The backend of a killed pum notices the lost client within 100 ms even mid-statement.
    options.env["PGOPTIONS"] = "-c client_connection_check_interval=100";
    options.timeout = 120s;
    return options;
  }

  // The database `name` as a copy of `template_db` (dropped first).
  void copy_database(const std::string& template_db, const std::string& name) {
    e2e::Db admin(e2e::conninfo_for("postgres"));
    admin.exec("DROP DATABASE IF EXISTS " + e2e::quote_ident(name) + " WITH (FORCE)");
    admin.exec("CREATE DATABASE " + e2e::quote_ident(name) + " TEMPLATE " +
               e2e::quote_ident(template_db));
    remember(name);
  }

  void remember(const std::string& db) {
    for (const auto& d : created_) {
      if (d == db) return;
    }
    created_.push_back(db);
  }

  // Waits until no session is left on `db` (the killed client's backend has rolled back).
  void wait_for_no_session(const std::string& db) {
    e2e::Db admin(e2e::conninfo_for("postgres"));
    const auto deadline = Clock::now() + 60s;
    const std::string query =
        "SELECT count(*) FROM pg_stat_activity WHERE datname = " + e2e::quote_literal(db);
    while (admin.value(query) != "0") {
      ASSERT_LT(Clock::now(), deadline) << "a session on " << db << " is still there after 60 s";
      std::this_thread::sleep_for(10ms);
    }
  }

  struct Scenario {
    std::string label;                 // "install", "upgrade"
    std::vector<std::string> args;     // the pum command
    std::string template_db;           // the before state
    std::string before, after;         // signatures
    std::chrono::milliseconds window;  // how long a complete run takes
  };

  // Prepares the template database of the before state and measures a complete run.
  Scenario prepare(const std::string& label, const std::vector<std::string>& args,
                   const std::vector<std::string>& setup_args) {
    Scenario s;
    s.label = label;
    s.args = args;
    // Named after the test's work database: ctest runs the three tests in parallel.
    s.template_db = work_db_ + "_tmpl_" + label;
    e2e::recreate_database(s.template_db);
    remember(s.template_db);
    if (!setup_args.empty()) {
      const e2e::ProcessResult setup = e2e::run_process(pum(s.template_db, setup_args), scratch_);
      EXPECT_EQ(setup.exit_code, 0) << setup.status() << "\n" << setup.stderr_text;
    }
    s.before = signature(s.template_db, scratch_);
    const std::string reference = work_db_ + "_ref_" + label;
    // Two complete runs; the second one's duration is the window (caches warm).
    std::chrono::milliseconds took{0};
    for (int i = 0; i < 2; ++i) {
      copy_database(s.template_db, reference);
      const auto start = Clock::now();
      const e2e::ProcessResult run = e2e::run_process(pum(reference, args), scratch_);
      took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      EXPECT_EQ(run.exit_code, 0) << run.status() << "\n" << run.stderr_text;
    }
    s.after = signature(reference, scratch_);
    s.window = took;
    EXPECT_NE(s.before, s.after);
    std::cout << "[ crash    ] " << label << ": a complete run takes " << took.count()
              << " ms; seed " << seed_ << " (PUM_CRASH_SEED=" << seed_ << " replays it)\n";
    return s;
  }

  // The state of work_db_ must be one of the two; returns true for "after".
  bool check_state(const Scenario& s, const std::string& what) {
    const std::string now = signature(work_db_, scratch_);
    if (now == s.before) return false;
    if (now == s.after) return true;
    ADD_FAILURE() << what << ": the database is neither the before nor the after state.\n"
                  << "diff against before (- before, + now):\n"
                  << e2e::line_diff(s.before, now) << "diff against after (- after, + now):\n"
                  << e2e::line_diff(s.after, now);
    return false;
  }

  // The next run, to completion: it must succeed and reach (or keep) the after state. From the
  // before state that is the same command again; from the after state (the interrupted run had
  // committed) it is an upgrade, since install rightly refuses an installed database.
  void check_next_run(const Scenario& s, bool was_after, const std::string& what) {
    const std::vector<std::string> args = was_after ? std::vector<std::string>{"upgrade"} : s.args;
    const e2e::ProcessResult again = e2e::run_process(pum(work_db_, args), scratch_);
    ASSERT_EQ(again.exit_code, 0) << what << ": the next run failed: " << again.status() << "\n"
                                  << again.stderr_text;
    ASSERT_EQ(signature(work_db_, scratch_), s.after)
        << what << ": the next run did not reach the after state";
  }

  // SIGKILL at `count` random moments of a run.
  void kill_at_random_moments(const Scenario& s, int count) {
    std::mt19937_64 random(seed_ ^ std::hash<std::string>{}(s.label));
    std::uniform_int_distribution<long> moment(0, s.window.count());
    int before = 0;
    int after = 0;
    for (int i = 0; i < count && !HasFatalFailure(); ++i) {
      const auto at = std::chrono::milliseconds(moment(random));
      const std::string what = s.label + " killed at " + std::to_string(at.count()) + " ms (kill " +
                               std::to_string(i + 1) + ")";
      copy_database(s.template_db, work_db_);
      e2e::Process process(pum(work_db_, s.args), scratch_);
      const auto deadline = Clock::now() + at;
      while (Clock::now() < deadline && process.running()) std::this_thread::sleep_for(1ms);
      process.kill(SIGKILL);
      const e2e::ProcessResult result = process.wait();
      ASSERT_FALSE(result.timed_out) << what;
      wait_for_no_session(work_db_);
      const bool is_after = check_state(s, what);
      (is_after ? after : before)++;
      check_next_run(s, is_after, what);
    }
    std::cout << "[ crash    ] " << s.label << ": " << count << " SIGKILLs: " << before
              << " left the before state, " << after << " the after state\n";
  }

  // pg_terminate_backend on pum's session at `count` random moments of a run: pum must fail
  // cleanly (exit 1, no signal) with the before state, or have committed (exit 0, after state).
  void terminate_at_random_moments(const Scenario& s, int count) {
    std::mt19937_64 random(seed_ ^ std::hash<std::string>{}(s.label + "terminate"));
    std::uniform_int_distribution<long> moment(0, s.window.count());
    e2e::Db admin(e2e::conninfo_for("postgres"));
    const std::string find_backend =
        "SELECT pid FROM pg_stat_activity WHERE datname = " + e2e::quote_literal(work_db_) +
        " AND application_name = 'pum'";
    int before = 0;
    int after = 0;
    for (int i = 0; i < count && !HasFatalFailure(); ++i) {
      const auto at = std::chrono::milliseconds(moment(random));
      const std::string what = s.label + " backend terminated at " + std::to_string(at.count()) +
                               " ms (terminate " + std::to_string(i + 1) + ")";
      copy_database(s.template_db, work_db_);
      e2e::Process process(pum(work_db_, s.args), scratch_);
      const auto deadline = Clock::now() + at;
      while (Clock::now() < deadline && process.running()) std::this_thread::sleep_for(1ms);
      // From that moment on, the first time pum's session is seen it is terminated.
      while (process.running()) {
        const e2e::Rows rows = admin.query(find_backend);
        if (!rows.empty() && rows[0][0]) {
          admin.query("SELECT pg_terminate_backend(" + *rows[0][0] + ")");
          break;
        }
        std::this_thread::sleep_for(2ms);
      }
      const e2e::ProcessResult result = process.wait();
      ASSERT_FALSE(result.timed_out || result.signal != 0)
          << what << ": pum did not end by itself: " << result.status() << "\n"
          << result.stderr_text;
      ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1)
          << what << ": " << result.status() << "\n"
          << result.stderr_text;
      wait_for_no_session(work_db_);
      const bool is_after = check_state(s, what);
      // Exit 0 means committed. Exit 1 with the after state can only happen when the server
      // committed and the session ended before pum read the answer: allowed, never seen so far.
      if (result.exit_code == 0) {
        EXPECT_TRUE(is_after) << what << ": pum exited 0 but the database is the before state";
      }
      (is_after ? after : before)++;
      check_next_run(s, is_after, what);
    }
    std::cout << "[ crash    ] " << s.label << ": " << count << " terminated backends: " << before
              << " left the before state, " << after << " the after state\n";
  }

  std::string tmp_, scratch_, project_;
  std::string work_db_;
  std::vector<std::string> created_;
  std::uint64_t seed_ = 0;
};

TEST_F(CrashMany, InstallKilledAtRandomMoments) {
  work_db_ = e2e::database_name("it_", "crash_many_install");
  const Scenario s = prepare("install", {"install"}, {});
  kill_at_random_moments(s, env_count("PUM_CRASH_KILLS", 50));
}

TEST_F(CrashMany, UpgradeKilledAtRandomMoments) {
  work_db_ = e2e::database_name("it_", "crash_many_upgrade");
  const Scenario s =
      prepare("upgrade", {"upgrade"}, {"install", "--max-version", version_name(kBaseVersion)});
  kill_at_random_moments(s, env_count("PUM_CRASH_KILLS", 50));
}

TEST_F(CrashMany, BackendTerminatedAtRandomMoments) {
  work_db_ = e2e::database_name("it_", "crash_many_terminate");
  const int count = env_count("PUM_CRASH_TERMINATES", 20);
  const Scenario install = prepare("install", {"install"}, {});
  terminate_at_random_moments(install, count / 2);
  const Scenario upgrade =
      prepare("upgrade", {"upgrade"}, {"install", "--max-version", version_name(kBaseVersion)});
  terminate_at_random_moments(upgrade, count - count / 2);
}

}  // namespace
