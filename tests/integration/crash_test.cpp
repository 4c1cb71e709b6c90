// A pum process killed (SIGKILL) in the middle of `install` leaves the database exactly as it was:
// install is one transaction, so the server rolls it back when the client goes away.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <string>
#include <thread>

#include "case_runner.hpp"
#include "diff.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

std::string slow_changelog() {
  std::string sql = "INSERT INTO crash_data.item (id) VALUES (1);\n";
  for (int i = 0; i < 10; ++i) sql += "SELECT pg_sleep(0.3);\n";
  return sql + "INSERT INTO crash_data.item (id) VALUES (2);\n";
}

void write_project(const std::string& project) {
  e2e::write_text_file(project + "/.pum.yaml", "pum:\n  module: crash_test\n");
  e2e::write_text_file(project + "/changelogs/1.0.0/01_schema.sql",
                       "CREATE SCHEMA crash_data;\n"
                       "CREATE TABLE crash_data.item (id integer PRIMARY KEY);\n");
  e2e::write_text_file(project + "/changelogs/1.1.0/01_slow.sql", slow_changelog());
}

e2e::ProcessOptions install_options(const std::string& db, const std::string& project) {
  e2e::ProcessOptions options;
  options.argv = {
      e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(db), "-d", project, "install"};
  options.env["NO_COLOR"].emplace(1, '1');
  options.timeout = 120s;
  return options;
}

TEST(Crash, KilledInstallLeavesTheDatabaseUntouched) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const std::string tmp = e2e::make_temp_dir("pum-it-crash");
  const std::string scratch = tmp + "/scratch";
  const std::string project = tmp + "/project";
  e2e::write_text_file(scratch + "/.keep", "");
  write_project(project);
  const std::string db = e2e::database_name("it_", "crash_install");
  e2e::recreate_database(db);
  const std::string before = e2e::snapshot_database(db, scratch);

  e2e::ProcessOptions options = install_options(db, project);
  // Lets the backend notice the lost client during pg_sleep instead of at the end of it.
  options.env["PGOPTIONS"] = "-c client_connection_check_interval=100";
  // pum's session is recognised by its application_name; PGAPPNAME would override it.
  options.env["PGAPPNAME"] = std::nullopt;
  e2e::Process install(options, scratch);

  // Wait until the server runs the slow changelog for pum, i.e. inside the install transaction.
  e2e::Db watcher(e2e::conninfo_for(db));
  const std::string active_query =
      "SELECT pid FROM pg_stat_activity WHERE datname = " + e2e::quote_literal(db) +
      " AND application_name = 'pum' AND state = 'active' AND query LIKE '%pg_sleep%'";
  std::string backend_pid;
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (backend_pid.empty()) {
    const e2e::Rows rows = watcher.query(active_query);
    if (!rows.empty() && rows[0][0]) {
      backend_pid = *rows[0][0];
      break;
    }
    if (!install.running()) {
      const e2e::ProcessResult r = install.wait();
      FAIL() << "pum install ended (" << r.status()
             << ") before its session was seen active in pg_stat_activity with application_name "
                "'pum'\nstderr:\n"
             << r.stderr_text;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      const e2e::Rows seen = watcher.query(
          "SELECT application_name, state, query FROM pg_stat_activity WHERE datname = " +
          e2e::quote_literal(db));
      FAIL() << "no active session with application_name 'pum' running pg_sleep on " << db
             << " within 30 s; sessions seen:\n"
             << e2e::format_rows(seen);
    }
    std::this_thread::sleep_for(10ms);
  }

  install.kill(SIGKILL);
  const e2e::ProcessResult killed = install.wait();
  EXPECT_EQ(killed.signal, SIGKILL) << killed.status();

  // The backend ends once it notices the client is gone; its transaction is rolled back.
  const auto backend_deadline = std::chrono::steady_clock::now() + 60s;
  while (!watcher.query("SELECT 1 FROM pg_stat_activity WHERE pid = " + backend_pid).empty()) {
    ASSERT_LT(std::chrono::steady_clock::now(), backend_deadline)
        << "the backend of the killed pum (pid " << backend_pid << ") is still there after 60 s";
    std::this_thread::sleep_for(50ms);
  }

  const std::string after = e2e::snapshot_database(db, scratch);
  EXPECT_EQ(before, after) << "the killed install changed the database (- before, + after):\n"
                           << e2e::line_diff(before, after);
  EXPECT_EQ(watcher.value("SELECT to_regclass('public.pum_migrations') IS NULL"), "t");
  EXPECT_EQ(watcher.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'crash_data'"), "0");
  EXPECT_EQ(
      watcher.value("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                    "(SELECT oid FROM pg_database WHERE datname = current_database())"),
      "0");

  // A new install then goes through from the start.
  const e2e::ProcessResult again = e2e::run_process(install_options(db, project), scratch);
  ASSERT_EQ(again.exit_code, 0) << again.status() << "\nstderr:\n" << again.stderr_text;
  EXPECT_EQ(e2e::format_rows(watcher.query(
                "SELECT version FROM public.pum_migrations ORDER BY string_to_array(version, "
                "'.')::int[]")),
            "[\"1.0.0\"]\n[\"1.1.0\"]\n");
  EXPECT_EQ(e2e::format_rows(watcher.query("SELECT id FROM crash_data.item ORDER BY id")),
            "[\"1\"]\n[\"2\"]\n");

  if (!HasFailure()) {
    e2e::drop_database(db);
    e2e::remove_all(tmp);
  }
}

}  // namespace
