#include "pum/flat/flat_layout.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "pum/util/error.hpp"

namespace fs = std::filesystem;

namespace pum::flat {
namespace {

// 2024-01-26 12:00:00 UTC
const auto kNow = std::chrono::system_clock::from_time_t(1706270400);

TEST(NextFileName, EmptyDirectory) {
  EXPECT_EQ(next_file_name({}, "init", kNow), "001_init.sql");
  EXPECT_EQ(next_file_name({"README.md"}, "init", kNow), "001_init.sql");
}

TEST(NextFileName, KeepsWidth) {
  EXPECT_EQ(next_file_name({"001_a.sql", "009_b.sql"}, "c", kNow), "010_c.sql");
  EXPECT_EQ(next_file_name({"1_a.sql", "2_b.sql"}, "c", kNow), "3_c.sql");
  EXPECT_EQ(next_file_name({"0099_a.sql"}, "c", kNow), "0100_c.sql");
  EXPECT_EQ(next_file_name({"99_a.sql"}, "c", kNow), "100_c.sql");
}

TEST(NextFileName, Flyway) {
  EXPECT_EQ(next_file_name({"V1__a.sql", "V10__b.sql", "V2__c.sql"}, "d", kNow), "V11__d.sql");
  EXPECT_EQ(next_file_name({"V1.1__a.sql"}, "d", kNow), "V2__d.sql");
}

TEST(NextFileName, Timestamps) {
  EXPECT_EQ(next_file_name({"20240101_090000_a.sql"}, "b", kNow), "20240126_120000_b.sql");
  EXPECT_EQ(next_file_name({"20151129054053_a.sql"}, "b", kNow), "20240126120000_b.sql");
  // The clock behind the latest file: one second after it.
  EXPECT_EQ(next_file_name({"20300101_000000_a.sql"}, "b", kNow), "20300101_000001_b.sql");
  EXPECT_EQ(next_file_name({"20300101000000_a.sql"}, "b", kNow), "20300101000001_b.sql");
}

TEST(NextFileName, BadName) {
  EXPECT_THROW(next_file_name({}, "add users", kNow), Error);
  EXPECT_THROW(next_file_name({}, "", kNow), Error);
  EXPECT_THROW(next_file_name({}, "a/b", kNow), Error);
}

TEST(LooksLikeFlatProject, Detects) {
  const fs::path dir = fs::temp_directory_path() / ("pum_flat_detect_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  EXPECT_FALSE(looks_like_flat_project(dir));
  std::ofstream(dir / "notes.sql") << "SELECT 1;";
  EXPECT_FALSE(looks_like_flat_project(dir));
  std::ofstream(dir / "001_init.sql") << "SELECT 1;";
  EXPECT_TRUE(looks_like_flat_project(dir));
  std::ofstream(dir / ".pum.yaml") << "pum: {}";
  EXPECT_FALSE(looks_like_flat_project(dir));
  fs::remove_all(dir);
  EXPECT_FALSE(looks_like_flat_project(dir));
}

}  // namespace
}  // namespace pum::flat
