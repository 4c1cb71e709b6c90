// Four `pum upgrade` processes started at once on one flat project (numbered .sql files, pgdbm's
// schema_migrations): pgdbm's session advisory lock serialises them, so every file runs once,
// the table is created once, and every process exits 0 (the later ones find nothing to apply).

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

constexpr int kFiles = 20;

std::string file_name(int i) {
  std::array<char, 32> name{};
  std::snprintf(name.data(), name.size(), "%03d_step_%d.sql", i, i);
  return name.data();
}

// 001 creates a table; every file adds a row and a column; 002 sleeps a second, so that the
// other processes start while the first holds the lock.
void write_project(const std::string& project) {
  for (int i = 1; i <= kFiles; ++i) {
    std::string sql;
    if (i == 1) sql += "CREATE TABLE {{tables.steps}} (n integer PRIMARY KEY);\n";
    sql += "ALTER TABLE {{tables.steps}} ADD COLUMN c" + std::to_string(i) + " integer;\n";
    sql += "INSERT INTO {{tables.steps}} (n) VALUES (" + std::to_string(i) + ");\n";
    if (i == 2) sql += "SELECT pg_sleep(1);\n";
    e2e::write_text_file(project + "/" + file_name(i), sql);
  }
}

TEST(FlatConcurrent, FourSimultaneousUpgradesApplyEachFileOnce) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const std::string tmp = e2e::make_temp_dir("pum-it-flat-concurrent");
  const std::string scratch = tmp + "/scratch";
  const std::string project = tmp + "/migrations";
  e2e::write_text_file(scratch + "/.keep", "");
  write_project(project);
  const std::string db = e2e::database_name("it_", "flat_concurrent");
  e2e::recreate_database(db);

  std::vector<e2e::Process> processes;
  processes.reserve(4);
  for (int i = 0; i < 4; ++i) {
    e2e::ProcessOptions options;
    options.argv = {e2e::pum_binary_path(PUM_BINARY),
                    "-p",
                    e2e::conninfo_for(db),
                    "-d",
                    project,
                    "upgrade",
                    "--schema",
                    "flat_app"};
    options.env["NO_COLOR"] = "1";
    options.timeout = 120s;
    processes.emplace_back(options, scratch);
  }
  std::vector<e2e::ProcessResult> results;
  for (auto& p : processes) results.push_back(p.wait());
  std::string report;
  for (std::size_t i = 0; i < results.size(); ++i) {
    report += "process " + std::to_string(i + 1) + ": " + results[i].status() + "\nstderr:\n" +
              results[i].stderr_text + "\n";
  }
  for (const auto& r : results) {
    EXPECT_EQ(r.exit_code, 0) << report;
    EXPECT_FALSE(r.timed_out) << report;
  }

  e2e::Db conn(e2e::conninfo_for(db));
  EXPECT_EQ(conn.value("SELECT count(*) FROM flat_app.schema_migrations"), std::to_string(kFiles))
      << report;
  EXPECT_EQ(conn.value("SELECT count(DISTINCT filename) FROM flat_app.schema_migrations "
                       "WHERE module_name = 'flat_app'"),
            std::to_string(kFiles))
      << report;
  EXPECT_EQ(conn.value("SELECT count(*) FROM flat_app.steps"), std::to_string(kFiles)) << report;
  EXPECT_EQ(conn.value("SELECT string_agg(filename, ',' ORDER BY id) = string_agg(filename, ',' "
                       "ORDER BY filename) FROM flat_app.schema_migrations"),
            "t")
      << report;

  if (!HasFailure()) {
    e2e::drop_database(db);
    e2e::remove_all(tmp);
  }
}

}  // namespace
