// The exit codes of the manual's table (docs/manual.md section 2.2), each produced for real:
// 0 success, 1 failure, 2 usage, 3 the lock not obtained within --lock-timeout, 4 a fleet
// target failed, and 128 + N when a signal ends a run (130 Ctrl-C, 143 SIGTERM): the running
// statement is cancelled and the database is left as it was.

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

using namespace std::chrono_literals;

class ExitCodes : public testing::Test {
 protected:
  void SetUp() override {
    try {
      e2e::require_test_server();
    } catch (const std::exception& e) {
      GTEST_FAIL() << e.what();
    }
    tmp_ = e2e::make_temp_dir("pum-it-exit-codes");
    e2e::write_text_file(tmp_ + "/scratch/.keep", "");
    project_ = tmp_ + "/project";
    e2e::write_text_file(project_ + "/.pum.yaml", "pum:\n  module: exit_codes\n");
    e2e::write_text_file(project_ + "/changelogs/1.0.0/01.sql",
                         "CREATE TABLE public.exit_codes (id int);\n");
    // Slow: long enough to be waited for, interrupted or timed out.
    e2e::write_text_file(project_ + "/changelogs/1.1.0/01.sql",
                         "CREATE TABLE public.slow (id int);\nSELECT pg_sleep(20);\n");
    db_ = e2e::database_name(
        "it_",
        std::string("exit_") + testing::UnitTest::GetInstance()->current_test_info()->name());
    e2e::recreate_database(db_);
  }
  void TearDown() override {
    if (HasFailure()) return;
    e2e::drop_database(db_);
    e2e::remove_all(tmp_);
  }
  e2e::ProcessOptions pum(const std::vector<std::string>& args) const {
    e2e::ProcessOptions o;
    o.argv = {e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(db_), "-d", project_};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    o.env["NO_COLOR"] = "1";
    o.timeout = 120s;
    return o;
  }
  e2e::ProcessResult run(const std::vector<std::string>& args) const {
    return e2e::run_process(pum(args), tmp_ + "/scratch");
  }
  // Waits until a backend of the database runs pg_sleep (the slow changelog started).
  void wait_for_sleep() const {
    e2e::Db watch(e2e::conninfo_for("postgres"));
    const std::string sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db_ +
                            "' AND query LIKE '%pg_sleep(20)%' AND pid <> pg_backend_pid()";
    for (int i = 0; i < 400 && watch.value(sql) != "1"; ++i) std::this_thread::sleep_for(25ms);
    ASSERT_EQ(watch.value(sql), "1") << "the slow changelog never started";
  }
  // The version the database is at (1.0.0 after SetUp's install).
  std::string version() const {
    e2e::Db conn(e2e::conninfo_for(db_));
    return conn.value("SELECT max(version) FROM public.pum_migrations").value_or("none");
  }

  std::string tmp_, project_, db_;
};

TEST_F(ExitCodes, ZeroOneAndTwo) {
  EXPECT_EQ(run({"install", "--max-version", "1.0.0"}).exit_code, 0);
  EXPECT_EQ(run({"info"}).exit_code, 0);
  e2e::write_text_file(project_ + "/changelogs/1.0.1/01.sql", "SELEC 1;\n");
  const auto failed = run({"upgrade", "--max-version", "1.0.1"});
  EXPECT_EQ(failed.exit_code, 1) << failed.stderr_text;
  EXPECT_NE(failed.stderr_text.find("01.sql:1:1"), std::string::npos) << failed.stderr_text;
  EXPECT_EQ(run({"upgrade", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run({"-q", "-v", "info"}).exit_code, 2);
  EXPECT_EQ(version(), "1.0.0");
}

TEST_F(ExitCodes, ThreeWhenTheLockIsNotObtainedInTime) {
  ASSERT_EQ(run({"install", "--max-version", "1.0.0"}).exit_code, 0);
  e2e::Process holder(pum({"upgrade"}), tmp_ + "/scratch");
  wait_for_sleep();
  const auto started = std::chrono::steady_clock::now();
  const auto waited = run({"upgrade", "--lock-timeout", "0.5"});
  EXPECT_EQ(waited.exit_code, 3) << waited.status() << waited.stderr_text;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  holder.kill(SIGTERM);
  holder.wait();
  EXPECT_EQ(version(), "1.0.0");
}

TEST_F(ExitCodes, OneHundredThirtyForCtrlCAndOneHundredFortyThreeForSigterm) {
  ASSERT_EQ(run({"install", "--max-version", "1.0.0"}).exit_code, 0);
  for (const int signal_number : {SIGINT, SIGTERM}) {
    e2e::Process upgrade(pum({"upgrade"}), tmp_ + "/scratch");
    wait_for_sleep();
    const auto sent = std::chrono::steady_clock::now();
    upgrade.kill(signal_number);
    const auto r = upgrade.wait();
    // A shell reports a run ended by signal N as 128 + N.
    EXPECT_EQ(r.signal, signal_number) << r.status() << r.stderr_text;
    EXPECT_LT(std::chrono::steady_clock::now() - sent, 10s) << "the statement was cancelled";
    EXPECT_NE(r.stderr_text.find("interrupted; the transaction is rolled back"), std::string::npos)
        << r.stderr_text;
    EXPECT_EQ(version(), "1.0.0");
    EXPECT_EQ(e2e::Db(e2e::conninfo_for(db_)).value("SELECT to_regclass('public.slow') IS NULL"),
              "t")
        << "nothing half-applied";
  }
}

TEST_F(ExitCodes, FourWhenAFleetTargetFailed) {
  ASSERT_EQ(run({"install", "--max-version", "1.0.0"}).exit_code, 0);
  e2e::write_text_file(tmp_ + "/targets.yaml",
                       "targets:\n  - name: good\n    pg: \"" + e2e::conninfo_for(db_) +
                           "\"\n  - name: missing\n    pg: \"dbname=" + db_ +
                           "_does_not_exist\"\n");
  e2e::ProcessOptions o = pum({});
  o.argv = {e2e::pum_binary_path(PUM_BINARY), "-d",          project_, "fleet", "info", "--targets",
            tmp_ + "/targets.yaml",           "--keep-going"};
  const auto r = e2e::run_process(o, tmp_ + "/scratch");
  EXPECT_EQ(r.exit_code, 4) << r.status() << r.stderr_text << r.stdout_text;
}

}  // namespace
