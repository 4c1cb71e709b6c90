// Several pum processes working on the same database at the same time are serialised (pum takes a
// transaction-scoped advisory lock and says so while it waits): every version is applied once.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

struct Workspace {
  std::string tmp;
  std::string scratch;
  std::string project;
  std::string db;
};

// Versions 1.0.0 (schema and table), 1.1.0 (a column, then two seconds of work, so that the other
// processes start while the first holds the lock), 1.2.0 (a second table); an application view
// recreated by every run.
void write_project(const std::string& project) {
  e2e::write_text_file(project + "/.pum.yaml",
                       "pum:\n"
                       "  module: concurrent_test\n"
                       "application:\n"
                       "  drop:\n"
                       "    - code: DROP SCHEMA IF EXISTS conc_app CASCADE\n"
                       "  create:\n"
                       "    - file: app/create_view.sql\n");
  e2e::write_text_file(project + "/app/create_view.sql",
                       "CREATE SCHEMA conc_app;\n"
                       "CREATE VIEW conc_app.item_view AS SELECT id FROM conc_data.item;\n");
  e2e::write_text_file(project + "/changelogs/1.0.0/01_schema.sql",
                       "CREATE SCHEMA conc_data;\n"
                       "CREATE TABLE conc_data.item (id integer PRIMARY KEY);\n");
  e2e::write_text_file(project + "/changelogs/1.1.0/01_label.sql",
                       "ALTER TABLE conc_data.item ADD COLUMN label text;\n"
                       "SELECT pg_sleep(2);\n");
  e2e::write_text_file(project + "/changelogs/1.2.0/01_other.sql",
                       "CREATE TABLE conc_data.other (id integer PRIMARY KEY);\n"
                       "INSERT INTO conc_data.other (id) VALUES (1);\n");
}

Workspace make_workspace(const std::string& name) {
  Workspace w;
  w.tmp = e2e::make_temp_dir("pum-it-" + name);
  w.scratch = w.tmp + "/scratch";
  w.project = w.tmp + "/project";
  e2e::write_text_file(w.scratch + "/.keep", "");
  write_project(w.project);
  w.db = e2e::database_name("it_", name);
  e2e::recreate_database(w.db);
  return w;
}

e2e::ProcessOptions pum_options(const Workspace& w, const std::vector<std::string>& args) {
  e2e::ProcessOptions options;
  options.argv = {e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(w.db), "-d", w.project};
  options.argv.insert(options.argv.end(), args.begin(), args.end());
  options.env["NO_COLOR"] = "1";
  options.timeout = 120s;
  return options;
}

// Starts every command at once and waits for all of them.
std::vector<e2e::ProcessResult> run_together(const Workspace& w,
                                             const std::vector<std::vector<std::string>>& cmds) {
  std::vector<e2e::Process> processes;
  processes.reserve(cmds.size());
  for (const auto& args : cmds) processes.emplace_back(pum_options(w, args), w.scratch);
  std::vector<e2e::ProcessResult> results;
  results.reserve(processes.size());
  for (auto& p : processes) results.push_back(p.wait());
  return results;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string report(const std::vector<e2e::ProcessResult>& results) {
  std::string out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    out += "process " + std::to_string(i + 1) + ": " + results[i].status() + "\nstderr:\n" +
           results[i].stderr_text + "\n";
  }
  return out;
}

const char* const kVersionRows =
    "SELECT version, count(*) FROM public.pum_migrations GROUP BY version "
    "ORDER BY string_to_array(version, '.')::int[]";

void require_server() { e2e::require_test_server(); }

TEST(Concurrent, SimultaneousUpgradesApplyEachVersionOnce) {
  try {
    require_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const Workspace w = make_workspace("concurrent_upgrades");
  const e2e::ProcessResult install =
      e2e::run_process(pum_options(w, {"install", "--max-version", "1.0.0"}), w.scratch);
  ASSERT_EQ(install.exit_code, 0) << install.status() << "\nstderr:\n" << install.stderr_text;

  const std::vector<e2e::ProcessResult> results =
      run_together(w, {{"upgrade"}, {"upgrade"}, {"upgrade"}});
  bool someone_waited = false;
  for (const auto& r : results) {
    EXPECT_EQ(r.exit_code, 0) << report(results);
    EXPECT_FALSE(r.timed_out) << report(results);
    const std::string text = lower(r.stderr_text);
    // The waiting process says it waits for the lock and who holds it (a backend pid).
    if (text.find("lock") != std::string::npos && text.find("pid") != std::string::npos) {
      someone_waited = true;
    }
  }
  EXPECT_TRUE(someone_waited)
      << "no process said it waited for the lock and who holds it (no stderr with both "
         "\"lock\" and \"pid\"):\n"
      << report(results);

  e2e::Db db(e2e::conninfo_for(w.db));
  EXPECT_EQ(e2e::format_rows(db.query(kVersionRows)),
            "[\"1.0.0\", \"1\"]\n[\"1.1.0\", \"1\"]\n[\"1.2.0\", \"1\"]\n")
      << report(results);
  EXPECT_EQ(db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = "
                     "'conc_data.item'::regclass AND attname = 'label' AND NOT attisdropped"),
            "1");
  EXPECT_EQ(e2e::format_rows(db.query("SELECT id FROM conc_data.other")), "[\"1\"]\n");
  EXPECT_EQ(db.value("SELECT count(*) FROM pg_views WHERE schemaname = 'conc_app'"), "1");

  if (!HasFailure()) {
    e2e::drop_database(w.db);
    e2e::remove_all(w.tmp);
  }
}

TEST(Concurrent, SimultaneousInstallsInstallOnce) {
  try {
    require_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const Workspace w = make_workspace("concurrent_installs");
  const std::vector<e2e::ProcessResult> results = run_together(w, {{"install"}, {"install"}});
  int succeeded = 0;
  for (const auto& r : results) {
    EXPECT_FALSE(r.timed_out || r.signal != 0) << report(results);
    if (r.exit_code == 0) {
      ++succeeded;
    } else {
      EXPECT_EQ(r.exit_code, 1) << report(results);
      EXPECT_NE(r.stderr_text.find("already"), std::string::npos)
          << "the refused install should say the module is already installed:\n"
          << report(results);
    }
  }
  EXPECT_EQ(succeeded, 1) << report(results);

  e2e::Db db(e2e::conninfo_for(w.db));
  EXPECT_EQ(e2e::format_rows(db.query(kVersionRows)),
            "[\"1.0.0\", \"1\"]\n[\"1.1.0\", \"1\"]\n[\"1.2.0\", \"1\"]\n")
      << report(results);

  if (!HasFailure()) {
    e2e::drop_database(w.db);
    e2e::remove_all(w.tmp);
  }
}

}  // namespace
