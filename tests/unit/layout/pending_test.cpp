// plan::plan_pending: what is pending for layouts that record each migration under its own key.
#include "pum/plan/pending.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::plan {
namespace {

Migration migration(const std::string& version, const std::string& key,
                    const std::string& checksum = "") {
  Migration m;
  m.version = *Version::parse(version);
  m.key = key;
  m.display = "migrations/" + key;
  m.checksum = checksum;
  m.listed = !checksum.empty();
  return m;
}

layout::AppliedMigration row(const std::string& version, const std::string& key,
                             const std::string& checksum = "", bool success = true) {
  layout::AppliedMigration r;
  r.version = *Version::parse(version);
  r.version_text = version;
  r.key = key;
  r.checksum = checksum;
  r.success = success;
  return r;
}

std::vector<std::string> keys(const Pending& p) {
  std::vector<std::string> out;
  for (const auto* m : p.to_apply) out.push_back(m->key);
  return out;
}

TEST(PlanPending, EverythingWithoutARowIsPendingInSourceOrder) {
  std::vector<Migration> ms{migration("1", "001_a.sql"), migration("2", "002_b.sql"),
                            migration("10", "010_c.sql")};
  Pending p = plan_pending(ms, {row("2", "002_b.sql")}, {});
  EXPECT_EQ(keys(p), (std::vector<std::string>{"001_a.sql", "010_c.sql"}));
  ASSERT_TRUE(p.current);
  EXPECT_EQ(p.current->str(), "2");
}

TEST(PlanPending, BelowCurrentSkipIgnoresOlderMigrationsButNotTheCurrentVersion) {
  std::vector<Migration> ms{migration("0.5.0", "0.5.0|a|8"), migration("0.6.0", "0.6.0|a|8"),
                            migration("0.6.0", "0.6.0|b|8"), migration("0.7.0", "0.7.0|a|8")};
  Pending p = plan_pending(ms, {row("0.6.0", "0.6.0|a|8")}, {std::nullopt, BelowCurrent::skip});
  EXPECT_EQ(keys(p), (std::vector<std::string>{"0.6.0|b|8", "0.7.0|a|8"}));
}

TEST(PlanPending, VersionsCompareAsVersionsNotText) {
  std::vector<Migration> ms{migration("0.8.1", "0.8.1|a|8"), migration("0.15.2", "0.15.2|a|8"),
                            migration("0.16.0", "0.16.0|a|8")};
  Pending p = plan_pending(ms, {row("0.8.1", "0.8.1|a|8"), row("0.15.2", "0.15.2|a|8")},
                           {std::nullopt, BelowCurrent::skip});
  ASSERT_TRUE(p.current);
  EXPECT_EQ(p.current->str(), "0.15.2");
  EXPECT_EQ(keys(p), (std::vector<std::string>{"0.16.0|a|8"}));
}

TEST(PlanPending, BelowCurrentRefuseNamesTheMigration) {
  std::vector<Migration> ms{migration("1", "001_a.sql"), migration("2", "002_b.sql")};
  try {
    plan_pending(ms, {row("2", "002_b.sql")}, {std::nullopt, BelowCurrent::refuse});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("migrations/001_a.sql is at or below the current version 2"),
              std::string::npos)
        << e.message();
  }
}

TEST(PlanPending, MaxVersionIsInclusive) {
  std::vector<Migration> ms{migration("1", "001_a.sql"), migration("2", "002_b.sql"),
                            migration("3", "003_c.sql")};
  Pending p = plan_pending(ms, {}, {*Version::parse("2"), BelowCurrent::apply});
  EXPECT_EQ(keys(p), (std::vector<std::string>{"001_a.sql", "002_b.sql"}));
}

TEST(PlanPending, FailedRowsAreNotApplied) {
  std::vector<Migration> ms{migration("0.5.0", "0.5.0|a|8")};
  Pending p =
      plan_pending(ms, {row("0.5.0", "0.5.0|a|8", "", false)}, {std::nullopt, BelowCurrent::skip});
  EXPECT_EQ(keys(p), (std::vector<std::string>{"0.5.0|a|8"}));
  EXPECT_FALSE(p.current);
}

TEST(PlanPending, ChangedChecksumsAndUnknownRowsAreReported) {
  std::vector<Migration> ms{migration("1", "001_a.sql", "aaa"), migration("2", "002_b.sql", "bbb")};
  Pending p = plan_pending(
      ms, {row("1", "001_a.sql", "aaa"), row("2", "002_b.sql", "old"), row("3", "003_gone.sql")},
      {});
  ASSERT_EQ(p.changed.size(), 1U);
  EXPECT_EQ(p.changed[0].migration->key, "002_b.sql");
  EXPECT_EQ(p.changed[0].row->checksum, "old");
  ASSERT_EQ(p.unknown_rows.size(), 1U);
  EXPECT_EQ(p.unknown_rows[0]->key, "003_gone.sql");
  EXPECT_TRUE(p.to_apply.empty());
}

}  // namespace
}  // namespace pum::plan
