#include "pum/plan/plan.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "pum/util/error.hpp"

namespace pum::plan {
namespace {

Version v(std::string_view text) { return Version::parse(text).value(); }

// Migrations as load_changelog_dir returns them (ascending), without touching the disk.
std::vector<Migration> migrations(const std::vector<std::string>& versions,
                                  const std::vector<std::string>& app_only = {}) {
  std::vector<Migration> out;
  out.reserve(versions.size());
  for (const auto& text : versions) {
    Migration m;
    m.version = v(text);
    m.label = text;
    m.dir = "/module/changelogs/" + text;
    m.app_only = std::find(app_only.begin(), app_only.end(), text) != app_only.end();
    if (!m.app_only) {
      m.files.push_back({m.dir / "01.sql", "changelogs/" + text + "/01.sql"});
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<Applied> rows(const std::vector<std::string>& versions,
                          const std::string& module = "test_module") {
  std::vector<Applied> out;
  out.reserve(versions.size());
  for (const auto& text : versions) out.push_back({v(text), module, false});
  return out;
}

std::vector<std::string> labels(const std::vector<const Migration*>& ms) {
  std::vector<std::string> out;
  out.reserve(ms.size());
  for (const auto* m : ms) out.push_back(m->label);
  return out;
}

PlanOptions max(std::string_view text) {
  PlanOptions options;
  options.max_version = v(text);
  return options;
}
PlanOptions skip_check() {
  PlanOptions options;
  options.skip_baseline_check = true;
  return options;
}

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error";
  return Error("no error");
}

using Labels = std::vector<std::string>;
const std::vector<std::string> kMultiple = {"1.2.3", "1.2.4", "1.3.0", "2.0.0"};

TEST(PlanInstall, AppliesEverything) {
  const auto ms = migrations(kMultiple);
  const Plan plan = plan_install(ms, {});
  EXPECT_FALSE(plan.current.has_value());
  EXPECT_EQ(labels(plan.to_apply), kMultiple);
  EXPECT_TRUE(plan.skipped_below_baseline.empty());
  EXPECT_EQ(plan.to_apply.front(), &ms.front());
}

// test_upgrader.py: multiple_changelogs install with max 1.2.4 → baseline 1.2.4.
TEST(PlanInstall, StopsAtMaxVersion) {
  const auto ms = migrations(kMultiple);
  EXPECT_EQ(labels(plan_install(ms, max("1.2.4")).to_apply), (Labels{"1.2.3", "1.2.4"}));
  EXPECT_EQ(labels(plan_install(ms, max("1.2.3")).to_apply), (Labels{"1.2.3"}));
  EXPECT_EQ(labels(plan_install(ms, max("1.3")).to_apply), (Labels{"1.2.3", "1.2.4", "1.3.0"}));
  EXPECT_EQ(labels(plan_install(ms, max("1.2.5")).to_apply), (Labels{"1.2.3", "1.2.4"}));
  EXPECT_EQ(labels(plan_install(ms, max("99")).to_apply), kMultiple);
}

TEST(PlanInstall, MaxVersionBelowTheFirstChangelog) {
  const auto ms = migrations(kMultiple);
  const Error e = error_of([&] { plan_install(ms, max("1.0.0")); });
  EXPECT_EQ(e.message(),
            "no changelog version is lower than or equal to --max-version 1.0.0: the first one is "
            "1.2.3");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0], "use a --max-version of 1.2.3 or higher, or leave it out");
}

TEST(PlanInstall, NoMigrationAtAll) {
  const Error e = error_of([] { plan_install({}, {}); });
  EXPECT_EQ(e.message(), "no changelog version to install");
}

TEST(PlanInstall, AppOnlyReleasesArePlannedLikeOthers) {
  const auto ms = migrations({"1.2.3", "1.3.0"}, {"1.3.0"});
  const Plan plan = plan_install(ms, {});
  ASSERT_EQ(plan.to_apply.size(), 2U);
  EXPECT_TRUE(plan.to_apply[1]->app_only);
}

// test_upgrader.py "upgrade": install max 1.2.3; upgrade max 1.2.3 no-op; max 1.2.4 → 1.2.4;
// no max → 2.0.0.
TEST(PlanUpgrade, NoOpPartialFull) {
  const auto ms = migrations(kMultiple);
  const Plan noop = plan_upgrade(ms, rows({"1.2.3"}), max("1.2.3"));
  EXPECT_EQ(noop.current, v("1.2.3"));
  EXPECT_TRUE(noop.to_apply.empty());
  EXPECT_TRUE(noop.skipped_below_baseline.empty());

  EXPECT_EQ(labels(plan_upgrade(ms, rows({"1.2.3"}), max("1.2.4")).to_apply), Labels{"1.2.4"});
  EXPECT_EQ(labels(plan_upgrade(ms, rows({"1.2.3", "1.2.4"}), {}).to_apply),
            (Labels{"1.3.0", "2.0.0"}));
  EXPECT_EQ(labels(plan_upgrade(ms, rows({"1.2.3"}), {}).to_apply),
            (Labels{"1.2.4", "1.3.0", "2.0.0"}));
}

TEST(PlanUpgrade, UpToDate) {
  const auto ms = migrations(kMultiple);
  const Plan plan = plan_upgrade(ms, rows(kMultiple), {});
  EXPECT_EQ(plan.current, v("2.0.0"));
  EXPECT_TRUE(plan.to_apply.empty());
}

TEST(PlanUpgrade, MaxVersionBelowCurrentIsANoOp) {
  const auto ms = migrations(kMultiple);
  EXPECT_TRUE(plan_upgrade(ms, rows({"1.2.3", "1.2.4"}), max("1.2.3")).to_apply.empty());
}

// Decision Q1: 1.10.0 is the current version, not 1.9.0 as text order would say.
TEST(PlanUpgrade, CurrentVersionIsNumericallyHighest) {
  const auto ms = migrations({"1.9.0", "1.10.0", "1.11.0"});
  for (const auto& applied : {rows({"1.9.0", "1.10.0"}), rows({"1.10.0", "1.9.0"})}) {
    const Plan plan = plan_upgrade(ms, applied, {});
    EXPECT_EQ(plan.current->str(), "1.10.0");
    EXPECT_EQ(labels(plan.to_apply), Labels{"1.11.0"});
  }
  EXPECT_EQ(current_version(rows({"1.9.0", "1.10.0", "1.2.0"}))->str(), "1.10.0");
  EXPECT_FALSE(current_version({}).has_value());
}

// A row written "1.2" counts for the directory 1.2.0 (and the other way round).
TEST(PlanUpgrade, VersionsMatchNumerically) {
  const auto ms = migrations({"1.1.0", "1.2.0", "1.3.0"});
  const Plan plan = plan_upgrade(ms, rows({"1.1", "1.2"}), {});
  EXPECT_EQ(plan.current->str(), "1.2");
  EXPECT_EQ(labels(plan.to_apply), Labels{"1.3.0"});
}

TEST(PlanUpgrade, AppOnlyRelease) {
  // test_upgrader.py app_only_release: install max 1.2.3, upgrade → 1.3.0, again → unchanged.
  const auto ms = migrations({"1.2.3", "1.3.0"}, {"1.3.0"});
  EXPECT_EQ(labels(plan_upgrade(ms, rows({"1.2.3"}), {}).to_apply), Labels{"1.3.0"});
  EXPECT_TRUE(plan_upgrade(ms, rows({"1.2.3", "1.3.0"}), {}).to_apply.empty());
}

// test_upgrader.py skip_baseline_check: baseline 0.2.0 set by hand, 0.1.0 never applied.
TEST(PlanUpgrade, BaselineCheckFails) {
  const auto ms = migrations({"0.1.0", "0.2.0", "0.3.0"});
  const Error e = error_of([&] { plan_upgrade(ms, rows({"0.2.0"}), {}); });
  EXPECT_EQ(e.message(),
            "changelog version 0.1.0 is lower than or equal to the current version 0.2.0 but not "
            "applied");
  EXPECT_TRUE(e.details().empty());
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "if the database was restored from a dump and then set to 0.2.0 with 'pum baseline', "
            "the objects of the versions up to 0.2.0 are already in it: run the upgrade again "
            "with --skip-baseline-check to skip the versions that have no row");
}

TEST(PlanUpgrade, BaselineCheckNamesEveryMissingVersion) {
  const auto ms = migrations({"0.1.0", "0.1.5", "0.2.0", "0.3.0"});
  const Error e = error_of([&] { plan_upgrade(ms, rows({"0.1.5"}), {}); });
  EXPECT_EQ(e.message(),
            "changelog version 0.1.0 is lower than or equal to the current version 0.1.5 but not "
            "applied");
  const auto missing = migrations({"0.0.1", "0.1.0", "0.1.5", "0.2.0"});
  const Error e2 = error_of([&] { plan_upgrade(missing, rows({"0.2.0"}), {}); });
  ASSERT_EQ(e2.details().size(), 1U);
  EXPECT_EQ(e2.details()[0].first, "DETAIL");
  EXPECT_EQ(e2.details()[0].second, "versions never applied: 0.0.1, 0.1.0, 0.1.5");
}

TEST(PlanUpgrade, BaselineCheckOnlyLooksAtVersionsUpToMax) {
  const auto ms = migrations({"0.1.0", "0.2.0", "0.3.0"});
  // 0.1.0 has no row, but --max-version 0.0.5 excludes it: nothing to check, nothing to do.
  EXPECT_TRUE(plan_upgrade(ms, rows({"0.2.0"}), max("0.0.5")).to_apply.empty());
}

TEST(PlanUpgrade, SkipBaselineCheck) {
  const auto ms = migrations({"0.1.0", "0.2.0", "0.3.0"});
  const Plan plan = plan_upgrade(ms, rows({"0.2.0"}), skip_check());
  EXPECT_EQ(plan.current, v("0.2.0"));
  EXPECT_EQ(labels(plan.to_apply), Labels{"0.3.0"});
  EXPECT_EQ(labels(plan.skipped_below_baseline), Labels{"0.1.0"});
  EXPECT_EQ(plan.skipped_below_baseline[0], &ms[0]);
}

TEST(PlanUpgrade, DatabaseAheadOfTheChangelogs) {
  const auto ms = migrations({"1.0.0", "1.1.0"});
  for (const auto& options : {PlanOptions{}, skip_check()}) {
    const Error e = error_of([&] { plan_upgrade(ms, rows({"1.0.0", "1.1.0", "1.2.0"}), options); });
    EXPECT_EQ(e.message(),
              "the database is at version 1.2.0 but no changelog directory for 1.2.0 "
              "exists");
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_EQ(e.hints()[0],
              "the database is newer than these changelogs (the last one is 1.1.0): use the "
              "release of the module that installed 1.2.0, or a newer one");
  }
}

TEST(PlanUpgrade, CurrentVersionDirectoryRemoved) {
  const auto ms = migrations({"1.0.0", "1.2.0"});
  const Error e = error_of([&] { plan_upgrade(ms, rows({"1.0.0", "1.1.0"}), {}); });
  EXPECT_EQ(e.message(),
            "the database is at version 1.1.0 but no changelog directory for 1.1.0 exists");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "the directory of version 1.1.0 was removed or renamed: restore it, or use "
            "--skip-baseline-check if the database really is at 1.1.0");
  // With --skip-baseline-check the user vouches for the database.
  const Plan plan = plan_upgrade(ms, rows({"1.0.0", "1.1.0"}), skip_check());
  EXPECT_EQ(labels(plan.to_apply), Labels{"1.2.0"});
  EXPECT_TRUE(plan.skipped_below_baseline.empty());
}

// A database baselined below the module's first changelog gets every changelog.
TEST(PlanUpgrade, BaselineBelowTheFirstChangelog) {
  const auto ms = migrations({"1.0.0", "1.1.0"});
  const Plan plan = plan_upgrade(ms, rows({"0.9"}), {});
  EXPECT_EQ(labels(plan.to_apply), (Labels{"1.0.0", "1.1.0"}));
}

TEST(PlanUpgrade, NothingInstalled) {
  const auto ms = migrations(kMultiple);
  const Error e = error_of([&] { plan_upgrade(ms, {}, {}); });
  EXPECT_EQ(e.message(), "the migration table has no row: no version of the module is installed");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "use 'pum install' to install the module, or 'pum baseline -b VERSION' to record the "
            "version an existing database is at");
}

TEST(PlanUpgrade, CurrentRowModuleAndBetaFlag) {
  const auto ms = migrations({"1.9.0", "1.10.0"});
  // Text order would pick 1.9.0 (beta, module_a); the current row is 1.10.0.
  std::vector<Applied> applied = {{v("1.9.0"), "module_a", true}, {v("1.10.0"), "module_b", false}};
  Plan plan = plan_upgrade(ms, applied, {});
  EXPECT_EQ(plan.current_module, "module_b");
  EXPECT_FALSE(plan.current_beta_testing);

  applied = {{v("1.9.0"), "module_a", false}, {v("1.10.0"), "module_a", true}};
  plan = plan_upgrade(ms, applied, {});
  EXPECT_EQ(plan.current_module, "module_a");
  EXPECT_TRUE(plan.current_beta_testing);
}

TEST(CheckBaseline, FirstBaselineAndMovingForward) {
  EXPECT_NO_THROW(check_baseline(v("1.2.3"), {}));
  EXPECT_NO_THROW(check_baseline(v("1.2.4"), rows({"1.2.3"})));
  EXPECT_NO_THROW(check_baseline(v("1.10.0"), rows({"1.9.0"})));
  EXPECT_NO_THROW(check_baseline(v("v1.2"), {}));
}

// test_schema_migrations.py: setting 1.2.3 again fails.
TEST(CheckBaseline, AlreadySet) {
  Error e = error_of([] { check_baseline(v("1.2.3"), rows({"1.2.3"})); });
  EXPECT_EQ(e.message(), "Cannot set baseline 1.2.3 as it is already set at 1.2.3.");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0], "a baseline only moves forward: give a version higher than 1.2.3");

  e = error_of([] { check_baseline(v("1.0"), rows({"1.2.3", "0.9"})); });
  EXPECT_EQ(e.message(), "Cannot set baseline 1.0 as it is already set at 1.2.3.");
  // Numeric, not text order: 1.9.0 is below 1.10.0.
  e = error_of([] { check_baseline(v("1.9.0"), rows({"1.10.0"})); });
  EXPECT_EQ(e.message(), "Cannot set baseline 1.9.0 as it is already set at 1.10.0.");
  // 1.2 and 1.2.0 are the same version.
  e = error_of([] { check_baseline(v("1.2"), rows({"1.2.0"})); });
  EXPECT_EQ(e.message(), "Cannot set baseline 1.2 as it is already set at 1.2.0.");
}

TEST(CheckBaseline, MustBeAPlainRelease) {
  for (const char* text : {"1.0.0rc1", "1", "1.2.3.4", "1.0+local", "1!1.0", "1.0.dev1"}) {
    const Error e = error_of([&] { check_baseline(v(text), {}); });
    EXPECT_EQ(e.message(),
              "cannot set baseline " + v(text).str() + ": pum records versions as X.Y or X.Y.Z");
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_EQ(e.hints()[0], "give the version as X.Y or X.Y.Z, e.g. 1.2.3");
  }
}

}  // namespace
}  // namespace pum::plan
