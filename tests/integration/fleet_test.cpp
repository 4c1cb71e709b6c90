// `pum fleet` against the real server: 30 databases and 30 tenant schemas in one command, a
// target failing in the middle (the others unaffected, the failed one unchanged, the table and
// the JSON say which and why, exit 4), a re-run finishing the rest, Ctrl-C mid-fleet (exit 130,
// nothing half-applied), and two fleet runs at once over the same targets (each migration once).

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr int kTargets = 30;

// Built in place: GCC 12 at -O3 reports a false -Wrestrict for `"literal" + std::string&&`.
std::string two_digits(int i) {
  std::string digits = std::to_string(i);
  if (i < 10) digits.insert(digits.begin(), '0');
  return digits;
}

// A pum 1.x module: 1.0.0 creates fleet_data.item, 1.1.0 adds a column and a row; `sleep`
// seconds of work in 1.1.0 let a test interrupt it.
void write_module(const std::string& project, int sleep = 0) {
  e2e::write_text_file(project + "/.pum.yaml", "pum:\n  module: fleet_test\n");
  e2e::write_text_file(project + "/changelogs/1.0.0/01_schema.sql",
                       "CREATE SCHEMA fleet_data;\n"
                       "CREATE TABLE fleet_data.item (id integer PRIMARY KEY);\n");
  std::string sql =
      "ALTER TABLE fleet_data.item ADD COLUMN label text;\n"
      "CREATE TABLE fleet_data.log (n integer);\n"
      "INSERT INTO fleet_data.log VALUES (1);\n";
  if (sleep > 0) sql += "SELECT pg_sleep(" + std::to_string(sleep) + ");\n";
  e2e::write_text_file(project + "/changelogs/1.1.0/01_label.sql", sql);
}

struct Fleet {
  std::string tmp;
  std::string scratch;
  std::string project;
  std::string prefix;  // of the databases: <prefix>NN
  std::vector<std::string> dbs;

  explicit Fleet(const std::string& name, int count, int sleep = 0) {
    tmp = e2e::make_temp_dir("pum-it-" + name);
    scratch = tmp + "/scratch";
    project = tmp + "/project";
    e2e::write_text_file(scratch + "/.keep", "");
    write_module(project, sleep);
    prefix = e2e::database_name("itf_", name) + "_";
    for (int i = 1; i <= count; ++i) {
      dbs.push_back(prefix + two_digits(i));
      e2e::recreate_database(dbs.back());
    }
  }
  void drop() const {
    for (const auto& db : dbs) e2e::drop_database(db);
    e2e::remove_all(tmp);
  }

  [[nodiscard]] e2e::ProcessOptions options(const std::vector<std::string>& args) const {
    e2e::ProcessOptions o;
    o.argv = {e2e::pum_binary_path(PUM_BINARY),
              "-p",
              e2e::conninfo_for("postgres"),
              "-d",
              project,
              "fleet"};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    o.argv.insert(o.argv.end(), {"--databases", prefix + "*"});
    o.env["NO_COLOR"] = "1";
    o.timeout = 300s;
    return o;
  }
  [[nodiscard]] e2e::ProcessResult run(const std::vector<std::string>& args) const {
    return e2e::run_process(options(args), scratch);
  }
};

// The installed version of a database (pum_migrations), "none" without one.
std::string version_of(const std::string& db) {
  e2e::Db conn(e2e::conninfo_for(db));
  if (conn.value("SELECT to_regclass('public.pum_migrations') IS NULL") == "t") return "none";
  return conn.value("SELECT coalesce(max(version), 'none') FROM public.pum_migrations")
      .value_or("NULL");
}

json parse_json(const e2e::ProcessResult& r) {
  json doc = json::parse(r.stdout_text, nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << r.stdout_text << r.stderr_text;
  return doc;
}

const json* target_named(const json& doc, const std::string& name) {
  for (const auto& t : doc["targets"]) {
    if (t["name"] == name) return &t;
  }
  return nullptr;
}

TEST(Fleet, ThirtyDatabasesOneFailingThenRerunFinishes) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("dbs", kTargets);
  // Every database at 1.0.0 in one command.
  auto install = f.run({"install", "--max-version", "1.0.0", "-j", "4", "--json"});
  ASSERT_EQ(install.exit_code, 0) << install.status() << install.stderr_text << install.stdout_text;
  json doc = parse_json(install);
  EXPECT_EQ(doc["summary"]["ok"], kTargets);
  for (const auto& db : f.dbs) EXPECT_EQ(version_of(db), "1.0.0") << db;

  // The 15th already has the table 1.1.0 creates: its upgrade fails, the others go on.
  const std::string& broken = f.dbs[14];
  e2e::Db(e2e::conninfo_for(broken)).exec("CREATE TABLE fleet_data.log (n integer)");
  auto upgrade = f.run({"upgrade", "-j", "4", "--keep-going", "--json"});
  EXPECT_EQ(upgrade.exit_code, 4) << upgrade.status() << upgrade.stderr_text;
  doc = parse_json(upgrade);
  EXPECT_EQ(doc["summary"]["ok"], kTargets - 1) << upgrade.stdout_text;
  EXPECT_EQ(doc["summary"]["failed"], 1) << upgrade.stdout_text;
  const json* failed = target_named(doc, broken);
  ASSERT_NE(failed, nullptr) << upgrade.stdout_text;
  EXPECT_EQ((*failed)["status"], "failed");
  EXPECT_EQ((*failed)["from"], "1.0.0");
  EXPECT_EQ((*failed)["to"], "1.0.0");
  EXPECT_NE((*failed)["error"].get<std::string>().find("already exists"), std::string::npos)
      << (*failed)["error"];
  EXPECT_NE(upgrade.stderr_text.find("[" + broken + "]"), std::string::npos)
      << "the failed target's log is forwarded, prefixed:\n"
      << upgrade.stderr_text;
  for (const auto& db : f.dbs) {
    EXPECT_EQ(version_of(db), db == broken ? "1.0.0" : "1.1.0") << db;
  }
  e2e::Db broken_conn(e2e::conninfo_for(broken));
  EXPECT_EQ(broken_conn.value("SELECT count(*) FROM information_schema.columns "
                              "WHERE table_schema = 'fleet_data' AND column_name = 'label'"),
            "0")
      << "the failed target is unchanged";

  // The table says the same.
  broken_conn.exec("DROP TABLE fleet_data.log");
  auto table = f.run({"info"});
  EXPECT_EQ(table.exit_code, 0) << table.stderr_text;
  EXPECT_NE(table.stdout_text.find(broken + "  1.0.0"), std::string::npos) << table.stdout_text;

  // Fixed: a re-run upgrades the one left and finds nothing to do elsewhere.
  auto rerun = f.run({"upgrade", "-j", "4", "--json"});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.status() << rerun.stderr_text;
  doc = parse_json(rerun);
  EXPECT_EQ(doc["summary"]["ok"], kTargets);
  for (const auto& db : f.dbs) {
    EXPECT_EQ(version_of(db), "1.1.0") << db;
    EXPECT_EQ(e2e::Db(e2e::conninfo_for(db)).value("SELECT count(*) FROM fleet_data.log"), "1")
        << db;
  }
  if (!HasFailure()) f.drop();
}

TEST(Fleet, StopsLaunchingAfterTheFirstFailureByDefault) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("stop", 6);
  auto install = f.run({"install", "--max-version", "1.0.0", "-j", "2"});
  ASSERT_EQ(install.exit_code, 0) << install.stderr_text;
  e2e::Db(e2e::conninfo_for(f.dbs[0])).exec("CREATE TABLE fleet_data.log (n integer)");
  auto upgrade = f.run({"upgrade", "-j", "1", "--json"});
  EXPECT_EQ(upgrade.exit_code, 4) << upgrade.stderr_text;
  json doc = parse_json(upgrade);
  EXPECT_EQ(doc["summary"]["failed"], 1);
  EXPECT_EQ(doc["summary"]["skipped"], 5) << upgrade.stdout_text;
  EXPECT_FALSE(doc["stopped"].is_null());
  for (const auto& db : f.dbs) EXPECT_EQ(version_of(db), "1.0.0") << db;

  // A canary that fails keeps the rest from starting, even with --keep-going.
  auto canary = f.run({"upgrade", "-j", "2", "--canary", "1", "--keep-going", "--json"});
  EXPECT_EQ(canary.exit_code, 4) << canary.stderr_text;
  doc = parse_json(canary);
  EXPECT_EQ(doc["summary"]["skipped"], 5) << canary.stdout_text;
  if (!HasFailure()) f.drop();
}

TEST(Fleet, ThirtyTenantSchemasOfTheFlatLayout) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const std::string tmp = e2e::make_temp_dir("pum-it-fleet-schemas");
  const std::string scratch = tmp + "/scratch";
  const std::string project = tmp + "/migrations";
  e2e::write_text_file(scratch + "/.keep", "");
  e2e::write_text_file(project + "/001_users.sql",
                       "CREATE TABLE {{tables.users}} (id integer PRIMARY KEY, name text);\n");
  e2e::write_text_file(project + "/002_seed.sql",
                       "INSERT INTO {{tables.users}} VALUES (1, '{{schema}}');\n");
  const std::string db = e2e::database_name("itf_", "schemas");
  e2e::recreate_database(db);
  {
    e2e::Db conn(e2e::conninfo_for(db));
    for (int i = 1; i <= kTargets; ++i) conn.exec("CREATE SCHEMA tenant_" + two_digits(i));
    conn.exec("CREATE SCHEMA other");
  }
  e2e::ProcessOptions o;
  o.argv = {e2e::pum_binary_path(PUM_BINARY),
            "-p",
            e2e::conninfo_for(db),
            "-d",
            project,
            "fleet",
            "upgrade",
            "--schemas",
            "tenant_*",
            "-j",
            "4",
            "--json"};
  o.env["NO_COLOR"] = "1";
  o.timeout = 300s;
  auto r = e2e::run_process(o, scratch);
  EXPECT_EQ(r.exit_code, 0) << r.status() << r.stderr_text << r.stdout_text;
  json doc = parse_json(r);
  EXPECT_EQ(doc["layout"], "flat");
  EXPECT_EQ(doc["summary"]["ok"], kTargets) << r.stdout_text;
  e2e::Db conn(e2e::conninfo_for(db));
  for (int i = 1; i <= kTargets; ++i) {
    const std::string schema = "tenant_" + two_digits(i);
    EXPECT_EQ(conn.value("SELECT count(*) FROM " + schema + ".schema_migrations"), "2") << schema;
    EXPECT_EQ(conn.value("SELECT name FROM " + schema + ".users"), "\"" + schema + "\"");
  }
  EXPECT_EQ(conn.value("SELECT to_regclass('other.users') IS NULL"), "t")
      << "a schema the pattern does not match is left alone";

  // An applied file edited: fleet verify fails for every tenant and shows what verify found,
  // prefixed with the target (stdout of the targets is the table's, so it goes to stderr).
  e2e::write_text_file(project + "/002_seed.sql",
                       "INSERT INTO {{tables.users}} VALUES (2, '{{schema}}');\n");
  o.argv = {e2e::pum_binary_path(PUM_BINARY),
            "-p",
            e2e::conninfo_for(db),
            "-d",
            project,
            "fleet",
            "verify",
            "--schemas",
            "tenant_0*",
            "--keep-going"};
  auto verify = e2e::run_process(o, scratch);
  EXPECT_EQ(verify.exit_code, 4) << verify.stderr_text << verify.stdout_text;
  EXPECT_NE(verify.stderr_text.find("[tenant_01] edited   "), std::string::npos)
      << verify.stderr_text;
  EXPECT_NE(verify.stdout_text.find("9 targets: 0 ok, 9 failed"), std::string::npos)
      << verify.stdout_text;
  if (!HasFailure()) {
    e2e::drop_database(db);
    e2e::remove_all(tmp);
  }
}

TEST(Fleet, CtrlCStopsLaunchingRollsBackAndExits130) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("sigint", 6, /*sleep=*/30);
  auto install = f.run({"install", "--max-version", "1.0.0", "-j", "3"});
  ASSERT_EQ(install.exit_code, 0) << install.stderr_text;
  auto options = f.options({"upgrade", "-j", "2", "--json"});
  e2e::Process fleet(options, f.scratch);
  // Both running targets are inside pg_sleep once two backends run it.
  e2e::Db watch(e2e::conninfo_for("postgres"));
  const std::string sleeping = "SELECT count(*) FROM pg_stat_activity WHERE datname LIKE '" +
                               f.prefix + "%' AND query LIKE '%pg_sleep(30)%'";
  for (int i = 0; i < 300 && watch.value(sleeping) != "2"; ++i) std::this_thread::sleep_for(50ms);
  ASSERT_EQ(watch.value(sleeping), "2");
  const auto sent = std::chrono::steady_clock::now();
  fleet.kill(SIGINT);  // the process group, as a terminal's Ctrl-C
  auto r = fleet.wait();
  EXPECT_LT(std::chrono::steady_clock::now() - sent, 20s) << "the statements were cancelled";
  EXPECT_EQ(r.exit_code, 130) << r.status() << r.stderr_text;
  json doc = parse_json(r);
  EXPECT_EQ(doc["interrupted"], true);
  EXPECT_EQ(doc["summary"]["interrupted"], 2) << r.stdout_text;
  EXPECT_EQ(doc["summary"]["skipped"], 4) << r.stdout_text;
  for (const auto& db : f.dbs) {
    EXPECT_EQ(version_of(db), "1.0.0") << db;
    EXPECT_EQ(e2e::Db(e2e::conninfo_for(db)).value("SELECT to_regclass('fleet_data.log') IS NULL"),
              "t")
        << db << ": nothing half-applied";
  }
  if (!HasFailure()) f.drop();
}

TEST(Fleet, TwoRunsAtOnceApplyEachMigrationOnce) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("twice", 8, /*sleep=*/1);
  auto install = f.run({"install", "--max-version", "1.0.0", "-j", "4"});
  ASSERT_EQ(install.exit_code, 0) << install.stderr_text;
  std::vector<e2e::Process> runs;
  runs.reserve(2);
  runs.emplace_back(f.options({"upgrade", "-j", "4", "--json"}), f.scratch);
  runs.emplace_back(f.options({"upgrade", "-j", "4", "--json"}), f.scratch);
  // Per target: how many runs say they took it from 1.0.0 (read inside the locked run, so
  // exactly one; the other found it at 1.1.0 already).
  std::map<std::string, int> upgraded;
  for (auto& run : runs) {
    auto r = run.wait();
    EXPECT_EQ(r.exit_code, 0) << r.status() << r.stderr_text << r.stdout_text;
    const json doc = parse_json(r);
    for (const auto& t : doc["targets"]) {
      EXPECT_EQ(t["to"], "1.1.0") << t;
      if (t["from"] == "1.0.0") ++upgraded[t["name"].get<std::string>()];
    }
  }
  for (const auto& db : f.dbs) EXPECT_EQ(upgraded[db], 1) << db;
  for (const auto& db : f.dbs) {
    e2e::Db conn(e2e::conninfo_for(db));
    EXPECT_EQ(conn.value("SELECT count(*) FROM public.pum_migrations WHERE version = '1.1.0'"), "1")
        << db;
    EXPECT_EQ(conn.value("SELECT count(*) FROM fleet_data.log"), "1") << db;
  }
  if (!HasFailure()) f.drop();
}

// Roles belong to the server: installing a module with roles into several databases at once
// has every target find the role missing; the ones that lose the race to create it go on.
TEST(Fleet, ConcurrentInstallsShareTheServersRoles) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("roles", 6, /*sleep=*/1);
  const std::string role = f.prefix + "viewer";
  e2e::Db admin(e2e::conninfo_for("postgres"));
  admin.exec("DROP ROLE IF EXISTS " + role);
  e2e::write_text_file(f.project + "/.pum.yaml",
                       "pum:\n  module: fleet_test\n"
                       "roles:\n  - name: " +
                           role +
                           "\n    permissions:\n"
                           "      - type: read\n"
                           "        schemas: [fleet_data]\n");
  auto install = f.run({"install", "-j", "6", "--keep-going", "--json"});
  EXPECT_EQ(install.exit_code, 0) << install.status() << install.stderr_text << install.stdout_text;
  for (const auto& db : f.dbs) {
    EXPECT_EQ(version_of(db), "1.1.0") << db;
    EXPECT_EQ(e2e::Db(e2e::conninfo_for(db))
                  .value("SELECT has_table_privilege('" + role + "', 'fleet_data.item', 'SELECT')"),
              "t")
        << db << ": granted to the role whoever created it";
  }
  if (!HasFailure()) {
    f.drop();
    admin.exec("DROP ROLE IF EXISTS " + role);
  }
}

// Mistakes in the fleet command line are usage errors (exit 2) found before any connection: the
// server of -p is down here. A parameter the module does not declare is reported once.
// fleet check against a reference database, and fleet drift against the changelogs: a target
// changed by hand "differs" (a finding: the others still run, exit 1, its report kept), a target
// that cannot be compared fails (exit 4).
TEST(Fleet, CheckAndDriftReportTheTargetsThatDiffer) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  Fleet f("cmp", 4);
  // The reference matches the fleet's pattern too: installed with the others, and identical
  // to itself.
  const std::string reference = f.prefix + "ref";
  e2e::recreate_database(reference);
  f.dbs.push_back(reference);
  auto install = f.run({"install", "-j", "4"});
  ASSERT_EQ(install.exit_code, 0) << install.stderr_text;
  const std::string& changed = f.dbs[2];
  e2e::Db(e2e::conninfo_for(changed)).exec("ALTER TABLE fleet_data.item ADD COLUMN by_hand text");

  auto check = f.run({"check", "--reference", e2e::conninfo_for(reference), "--json"});
  EXPECT_EQ(check.exit_code, 1) << check.status() << check.stderr_text << check.stdout_text;
  json doc = parse_json(check);
  EXPECT_EQ(doc["action"], "check");
  EXPECT_EQ(doc["layout"], "none");
  EXPECT_EQ(doc["summary"]["differs"], 1) << check.stdout_text;
  EXPECT_EQ(doc["summary"]["ok"], 4) << check.stdout_text;
  const json* differs = target_named(doc, changed);
  ASSERT_NE(differs, nullptr) << check.stdout_text;
  EXPECT_EQ((*differs)["status"], "differs");
  EXPECT_TRUE((*differs)["report"].is_object()) << (*differs)["report"];
  EXPECT_NE((*differs)["report"].dump().find("by_hand"), std::string::npos) << (*differs)["report"];
  const json* same = target_named(doc, f.dbs[0]);
  ASSERT_NE(same, nullptr);
  EXPECT_TRUE((*same)["report"].is_null());

  // The same as a table, the report of the target that differs after it.
  auto table = f.run({"check", "--reference", e2e::conninfo_for(reference), "-N", "public"});
  EXPECT_EQ(table.exit_code, 1) << table.stderr_text;
  EXPECT_NE(table.stdout_text.find("1 differ, 0 failed"), std::string::npos) << table.stdout_text;
  EXPECT_NE(table.stdout_text.find("--- " + changed + ": differences ---"), std::string::npos)
      << table.stdout_text;
  EXPECT_NE(table.stdout_text.find("by_hand"), std::string::npos) << table.stdout_text;

  // drift: each target against what its changelogs build.
  auto drift = f.run({"drift", "-j", "2", "--json"});
  EXPECT_EQ(drift.exit_code, 1) << drift.status() << drift.stderr_text << drift.stdout_text;
  doc = parse_json(drift);
  EXPECT_EQ(doc["summary"]["differs"], 1) << drift.stdout_text;
  EXPECT_EQ(doc["summary"]["ok"], 4) << drift.stdout_text;
  differs = target_named(doc, changed);
  ASSERT_NE(differs, nullptr);
  EXPECT_EQ((*differs)["status"], "differs");
  EXPECT_EQ((*differs)["from"], "1.1.0");

  // A target without pum_migrations cannot be compared with its changelogs: failed, exit 4,
  // and the others are still compared.
  e2e::Db(e2e::conninfo_for(f.dbs[0])).exec("DROP TABLE public.pum_migrations");
  drift = f.run({"drift", "--keep-going", "--json"});
  EXPECT_EQ(drift.exit_code, 4) << drift.stderr_text << drift.stdout_text;
  doc = parse_json(drift);
  EXPECT_EQ(doc["summary"]["failed"], 1) << drift.stdout_text;
  EXPECT_EQ(doc["summary"]["differs"], 1) << drift.stdout_text;
  EXPECT_EQ(doc["summary"]["ok"], 3) << drift.stdout_text;
  if (!HasFailure()) f.drop();
}

TEST(Fleet, UsageErrorsBeforeAnyConnection) {
  const std::string tmp = e2e::make_temp_dir("pum-it-fleet-usage");
  e2e::write_text_file(tmp + "/scratch/.keep", "");
  write_module(tmp + "/project");
  e2e::write_text_file(tmp + "/targets.yaml", "targets:\n  - a\n  - b\n");
  auto run = [&](std::vector<std::string> args) {
    e2e::ProcessOptions o;
    o.argv = {e2e::pum_binary_path(PUM_BINARY), "-d", tmp + "/project"};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    o.env["NO_COLOR"] = "1";
    return e2e::run_process(o, tmp + "/scratch");
  };
  const std::string dead = "host=/nonexistent-socket-dir port=1";
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"-p", dead, "fleet", "upgrade", "--databases", ","}, "--databases is empty"},
      {{"-p", dead, "fleet", "upgrade", "--databases", "a*", "--module", "m"},
       "--module and --migrations-table are for the flat layout"},
      {{"-p", dead, "fleet", "rollback", "--databases", "a*"}, "needs --to VERSION or --steps N"},
      {{"-p", dead, "fleet", "upgrade", "--targets", tmp + "/targets.yaml"},
       "-p is not used with --targets"},
      {{"fleet", "upgrade", "--targets", tmp + "/targets.yaml", "--canary", "0"}, "--canary"},
      {{"-p", dead, "fleet", "check", "--databases", "a*"}, "fleet check needs --reference"},
      {{"-p", dead, "fleet", "upgrade", "--databases", "a*", "--reference", "x"},
       "--reference is for fleet check"},
      {{"-p", dead, "fleet", "upgrade", "--databases", "a*", "-N", "s"},
       "are for fleet check and fleet drift"},
      {{"-p", dead, "fleet", "check", "--databases", "a*", "--reference", "x", "-u", "1.0.0"},
       "takes none of"},
  };
  for (const auto& c : cases) {
    auto r = run(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.status() << r.stderr_text;
    EXPECT_NE(r.stderr_text.find(c.says), std::string::npos) << r.stderr_text;
    EXPECT_EQ(r.stderr_text.find("nonexistent-socket-dir"), std::string::npos)
        << "no connection was tried:\n"
        << r.stderr_text;
  }
  auto unknown = run({"fleet", "upgrade", "--targets", tmp + "/targets.yaml", "-p", "nope", "1"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.stderr_text;
  const auto first = unknown.stderr_text.find("nope");
  ASSERT_NE(first, std::string::npos) << unknown.stderr_text;
  EXPECT_EQ(unknown.stderr_text.find("nope", first + 4), std::string::npos)
      << "reported once, before any target:\n"
      << unknown.stderr_text;
  if (!HasFailure()) e2e::remove_all(tmp);
}

}  // namespace
