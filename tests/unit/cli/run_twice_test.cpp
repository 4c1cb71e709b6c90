// cli::run called several times in one process (fleet's forked children, the pum 0.x commands
// that delegate, tests): what one command line sets must not be seen by the next one. Every
// command line here stops before connecting to a database (a usage error, or a module directory
// without .pum.yaml), and what it printed tells which options it saw; but check, which needs the
// test server (PUM_TEST_PG=1, see scripts/test.sh): it compares the database with itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pum/cli/run.hpp"
#include "pum/ui/log.hpp"

namespace {

namespace fs = std::filesystem;

// What one cli::run returned and wrote to stderr (its log, its errors).
struct Outcome {
  int code = -1;
  std::string log;
};

Outcome run_cli(std::vector<std::string> args) {
  args.insert(args.begin(), "pum");
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  Outcome outcome;
  pum::log::set_colour(false);
  testing::internal::CaptureStderr();
  outcome.code = pum::cli::run(static_cast<int>(args.size()), argv.data());
  std::cerr.flush();
  outcome.log = testing::internal::GetCapturedStderr();
  return outcome;
}

// A throwaway directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("pum_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] std::string path() const { return dir_.string(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  [[nodiscard]] std::string read(const std::string& name) const {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  fs::path dir_;
};

// A module directory that does not exist: pum 1.x commands stop at loading its .pum.yaml.
std::string missing_module() {
  return (fs::temp_directory_path() / ("pum_cli_test_missing_" + std::to_string(::getpid())))
      .string();
}

TEST(RunTwice, RoleOptionsOfTheFirstCallAreNotSeenByTheSecond) {
  const std::string dir = missing_module();
  // grant takes --to: the options pass, then the module directory has no .pum.yaml.
  const Outcome first =
      run_cli({"-p", "dbname=unused", "-d", dir, "role", "grant", "--to", "alice"});
  EXPECT_EQ(first.code, 1) << first.log;
  EXPECT_EQ(first.log.find("does not take"), std::string::npos) << first.log;
  // list does not take --to: it would be refused (exit 2) if --to were still set.
  const Outcome second = run_cli({"-p", "dbname=unused", "-d", dir, "role", "list"});
  EXPECT_EQ(second.code, 1) << second.log;
  EXPECT_EQ(second.log.find("does not take --to"), std::string::npos) << second.log;
  EXPECT_EQ(second.log, first.log);  // the same error: no .pum.yaml
}

TEST(RunTwice, BaselineFromPum0xOfTheFirstCallIsNotSeenByTheSecond) {
  const std::string dir = missing_module();
  const Outcome first =
      run_cli({"-p", "dbname=unused", "-d", dir, "baseline", "--from-pum0x", "public.pum"});
  EXPECT_EQ(first.code, 1) << first.log;
  // Without --from-pum0x nor -b: a usage error, before the module directory is read.
  const Outcome second = run_cli({"-p", "dbname=unused", "-d", dir, "baseline"});
  EXPECT_EQ(second.code, 2) << second.log;
  EXPECT_NE(second.log.find("--baseline is required"), std::string::npos) << second.log;
}

TEST(RunTwice, FlatOptionsOfTheFirstCallAreNotSeenByTheSecond) {
  TempDir dir;
  dir.write("001_first.sql", "SELECT 1;\n");
  const Outcome first =
      run_cli({"-p", "dbname=unused", "-d", dir.path(), "rollback", "--to", "not-a-number"});
  EXPECT_EQ(first.code, 2) << first.log;
  EXPECT_NE(first.log.find("--to expects a migration number, not 'not-a-number'"),
            std::string::npos)
      << first.log;
  const Outcome second = run_cli({"-p", "dbname=unused", "-d", dir.path(), "rollback"});
  EXPECT_EQ(second.code, 2) << second.log;
  EXPECT_NE(second.log.find("rollback needs --to N"), std::string::npos) << second.log;
}

TEST(RunTwice, FleetOptionsOfTheFirstCallAreNotSeenByTheSecond) {
  TempDir dir;
  dir.write("001_first.sql", "SELECT 1;\n");
  const Outcome first = run_cli({"-d", dir.path(), "fleet", "upgrade", "--to", "1"});
  EXPECT_EQ(first.code, 2) << first.log;
  EXPECT_NE(first.log.find("--to and --steps are for fleet rollback"), std::string::npos)
      << first.log;
  const Outcome second = run_cli({"-d", dir.path(), "fleet", "upgrade"});
  EXPECT_EQ(second.code, 2) << second.log;
  EXPECT_NE(second.log.find("fleet needs its targets"), std::string::npos) << second.log;
}

TEST(RunTwice, CheckFormatOfTheFirstCallIsNotSeenByTheSecond) {
  if (std::getenv("PUM_TEST_PG") == nullptr) {
    GTEST_SKIP() << "needs the test server: run scripts/test.sh (or set PUM_TEST_PG=1 with "
                    "PGHOST/PGPORT/PGUSER of scripts/pg.sh)";
  }
  const char* db = std::getenv("PGDATABASE");
  const std::string conninfo = std::string("dbname=") + (db != nullptr ? db : "postgres");
  TempDir dir;
  const std::string json = dir.path() + "/first.json";
  const Outcome first =
      run_cli({"-q", "-p", conninfo, "check", conninfo, "-f", "json", "-o", json});
  EXPECT_EQ(first.code, 0) << first.log;
  EXPECT_EQ(dir.read("first.json").rfind('{', 0), 0U) << dir.read("first.json");
  const std::string text = dir.path() + "/second.txt";
  const Outcome second = run_cli({"-q", "-p", conninfo, "check", conninfo, "-o", text});
  EXPECT_EQ(second.code, 0) << second.log;
  const std::string report = dir.read("second.txt");
  EXPECT_FALSE(report.empty());
  EXPECT_NE(report.front(), '{') << report;  // text, the default
}

TEST(RunTwice, TheLogLevelOfTheFirstCallIsNotKeptForTheSecond) {
  const std::string dir = missing_module();
  const pum::log::Level before = pum::log::level();
  const Outcome quiet = run_cli({"-q", "-p", "dbname=unused", "-d", dir, "info"});
  EXPECT_EQ(quiet.code, 1) << quiet.log;
  EXPECT_EQ(pum::log::level(), before);
  const Outcome verbose = run_cli({"-vv", "-p", "dbname=unused", "-d", dir, "info"});
  EXPECT_EQ(verbose.code, 1) << verbose.log;
  EXPECT_EQ(pum::log::level(), before);
}

}  // namespace
