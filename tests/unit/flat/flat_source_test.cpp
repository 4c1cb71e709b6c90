#include "pum/flat/flat_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::flat {
namespace {

class FlatSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pum_flat_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::vector<std::string> labels() {
    FlatSource source(dir_, "migrations");
    std::vector<std::string> out;
    for (const auto& m : source.list()) out.push_back(m.label);
    return out;
  }
  std::string error() {
    try {
      FlatSource(dir_, "migrations").list();
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }
  fs::path dir_;
};

TEST_F(FlatSourceTest, OrderedByNumber) {
  write("V10__ten.sql", "SELECT 10;");
  write("V2__two.sql", "SELECT 2;");
  write("V1__one.sql", "SELECT 1;");
  EXPECT_EQ(labels(), (std::vector<std::string>{"V1__one.sql", "V2__two.sql", "V10__ten.sql"}));
}

TEST_F(FlatSourceTest, MixedWidthsAndTimestamps) {
  write("20240126_120000_c.sql", "SELECT 3;");
  write("10_b.sql", "SELECT 2;");
  write("9_a.sql", "SELECT 1;");
  write("20151129054053_d.sql", "SELECT 4;");
  EXPECT_EQ(labels(), (std::vector<std::string>{"9_a.sql", "10_b.sql", "20151129054053_d.sql",
                                                "20240126_120000_c.sql"}));
}

TEST_F(FlatSourceTest, IgnoresOtherFiles) {
  write("001_a.sql", "SELECT 1;");
  write("README.md", "x");
  write(".002_hidden.sql", "SELECT 2;");
  write("003_b.sql.bak", "x");
  fs::create_directories(dir_ / "004_dir.sql");
  fs::create_directories(dir_ / "sub");
  write("sub/005_nested.sql", "SELECT 5;");
  EXPECT_EQ(labels(), (std::vector<std::string>{"001_a.sql"}));
}

TEST_F(FlatSourceTest, Fields) {
  write("002_add_users.sql", "CREATE TABLE users (id serial PRIMARY KEY);\n");
  FlatSource source(dir_, "db/migrations");
  auto list = source.list();
  ASSERT_EQ(list.size(), 1U);
  Migration& m = list[0];
  EXPECT_EQ(m.key, "002_add_users.sql");
  EXPECT_EQ(m.label, "002_add_users.sql");
  EXPECT_EQ(m.name, "add_users");
  EXPECT_EQ(m.display, "db/migrations/002_add_users.sql");
  EXPECT_EQ(m.version.str(), "2");
  EXPECT_FALSE(m.listed);
  source.read(m);
  EXPECT_TRUE(m.listed);
  EXPECT_EQ(m.checksum, "4da8bf2ce16875ad466e9b891a2fd90efeaac5f97a67c528d3d4b1bb27ff0e8a");
  ASSERT_EQ(m.files.size(), 1U);
  EXPECT_EQ(m.files[0].display, "db/migrations/002_add_users.sql");
  EXPECT_TRUE(m.files[0].transactional);
  EXPECT_FALSE(m.app_only);
}

TEST_F(FlatSourceTest, NoTransactionFile) {
  write("001_idx.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");
  FlatSource source(dir_, "m");
  auto list = source.list();
  source.read(list[0]);
  EXPECT_FALSE(list[0].files[0].transactional);
}

TEST_F(FlatSourceTest, Duplicates) {
  write("001_a.sql", "SELECT 1;");
  write("1_b.sql", "SELECT 1;");
  EXPECT_EQ(error(),
            "migrations/001_a.sql and migrations/1_b.sql have the same number (1): the order they "
            "run in would be a guess");
}

TEST_F(FlatSourceTest, BadName) {
  write("001_a.sql", "SELECT 1;");
  write("init.sql", "SELECT 1;");
  EXPECT_EQ(error(),
            "migrations/init.sql: 'init.sql' is not a migration file name (expected NNN_name.sql, "
            "YYYYmmdd_HHMMSS_name.sql or V<n>__name.sql)");
}

TEST_F(FlatSourceTest, EmptyAndMissing) {
  EXPECT_EQ(error(), "no migration files in migrations");
  fs::remove_all(dir_);
  EXPECT_EQ(error(), "the migrations directory migrations does not exist or is not a directory");
}

TEST_F(FlatSourceTest, EmptyFileRefused) {
  write("001_a.sql", " \n\t\n");
  FlatSource source(dir_, "m");
  auto list = source.list();
  try {
    source.read(list[0]);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "m/001_a.sql: the migration is empty");
  }
}

TEST_F(FlatSourceTest, DbmateDownRefused) {
  write("20151129054053_a.sql",
        "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n");
  FlatSource source(dir_, "m");
  auto list = source.list();
  try {
    source.read(list[0]);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().line, 3);
  }
}

}  // namespace
}  // namespace pum::flat
