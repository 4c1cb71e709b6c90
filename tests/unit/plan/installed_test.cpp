#include "pum/plan/installed.hpp"

#include <gtest/gtest.h>

#include <string>

#include "pum/util/error.hpp"

namespace pum::plan {
namespace {

const Module kModule{"pipes", "/m/.pum.yaml"};

Installed absent() { return {"public.pum_migrations", false, std::nullopt, {}}; }
Installed empty_table() { return {"public.pum_migrations", true, std::nullopt, {}}; }
Installed at(const std::string& version, const std::string& module = "pipes", bool beta = false) {
  return {"public.pum_migrations", true, LatestRow{version, module, beta}, {}};
}

// The refusal check_installed throws, or "" when it lets the command through.
Error refusal(const Installed& installed, const Expect& expect) {
  try {
    check_installed(installed, expect, kModule);
  } catch (const Error& error) {
    return error;
  }
  return Error("");
}

TEST(Installed, InstallRefusesAnInstalledModule) {
  Expect expect;
  expect.table = Table::absent;
  Error error = refusal(at("1.0.0"), expect);
  EXPECT_EQ(error.message(),
            "public.pum_migrations already exists. This means that the module is already "
            "installed in this database");
  ASSERT_EQ(error.hints().size(), 1U);
  EXPECT_EQ(refusal(absent(), expect).message(), "");
}

TEST(Installed, InstallRefusesAnotherModulesTableUnlessAllowed) {
  Expect expect;
  expect.table = Table::absent;
  expect.other_tables_allowed = false;
  Installed installed = absent();
  installed.other_tables = {"a.pum_migrations", "b.pum_migrations"};
  Error error = refusal(installed, expect);
  EXPECT_EQ(error.message(),
            "another module is installed in this database (a.pum_migrations, b.pum_migrations)");
  ASSERT_EQ(error.hints().size(), 1U);
  EXPECT_NE(error.hints()[0].find("to install several modules"), std::string::npos);
  expect.other_tables_allowed = true;
  EXPECT_EQ(refusal(installed, expect).message(), "");
}

TEST(Installed, BaselineSpeaksOfKeepingSeveralModules) {
  try {
    refuse_other_tables({"a.pum_migrations"}, false);
    FAIL() << "no refusal";
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "another module is installed in this database (a.pum_migrations)");
    EXPECT_NE(error.hints()[0].find("to keep several modules in one database"), std::string::npos);
  }
}

TEST(Installed, UpgradeNeedsTheTableAndARow) {
  Expect expect;
  expect.table = Table::present;
  expect.row = true;
  Error missing = refusal(absent(), expect);
  EXPECT_EQ(missing.message(),
            "public.pum_migrations does not exist: the module is not installed in this database");
  EXPECT_EQ(missing.hints().size(), 1U);
  EXPECT_EQ(refusal(empty_table(), expect).message(), "public.pum_migrations holds no version");
  EXPECT_EQ(refusal(at("1.0.0"), expect).message(), "");
}

TEST(Installed, AnotherModulesRowIsRefused) {
  Error error = refusal(at("1.0.0", "other"), Expect{});
  EXPECT_EQ(error.message(),
            "this database holds module 'other' in public.pum_migrations, but /m/.pum.yaml "
            "describes module 'pipes'");
  EXPECT_EQ(error.hints().size(), 1U);
  // A v1 table records no module: nothing to compare.
  EXPECT_EQ(refusal(at("1.0.0", ""), Expect{}).message(), "");
}

TEST(Installed, InfoWarnsOfAnotherModuleInstead) {
  Expect expect;
  expect.other_module = OtherModule::warn;
  EXPECT_EQ(check_installed(at("1.0.0", "other"), expect, kModule),
            "public.pum_migrations holds module 'other', but /m/.pum.yaml describes module "
            "'pipes'");
  EXPECT_EQ(check_installed(at("1.0.0"), expect, kModule), std::nullopt);
}

TEST(Installed, BetaTestingIsRefusedWhenNotAllowed) {
  Expect expect;
  expect.beta_testing_allowed = false;
  EXPECT_EQ(refusal(at("1.2.0", "pipes", true), expect).message(),
            "the installation is in beta testing (version 1.2.0): it cannot be upgraded");
  expect.beta_testing_allowed = true;
  EXPECT_EQ(refusal(at("1.2.0", "pipes", true), expect).message(), "");
}

TEST(Installed, TheModuleIsCheckedBeforeBetaTesting) {
  Expect expect;
  expect.beta_testing_allowed = false;
  EXPECT_NE(refusal(at("1.2.0", "other", true), expect).message().find("holds module 'other'"),
            std::string::npos);
}

TEST(Installed, RollbackRefusesWithoutHints) {
  Expect expect;
  expect.table = Table::present;
  expect.hints = false;
  EXPECT_TRUE(refusal(absent(), expect).hints().empty());
  EXPECT_TRUE(refusal(at("1.0.0", "other"), expect).hints().empty());
  // An empty table is no refusal for rollback: there is nothing to undo.
  EXPECT_EQ(refusal(empty_table(), expect).message(), "");
}

TEST(Installed, AppAndUninstallAcceptNoTable) {
  Expect expect;
  expect.row = true;
  EXPECT_EQ(refusal(absent(), expect).message(), "");
  EXPECT_EQ(refusal(empty_table(), expect).message(), "public.pum_migrations holds no version");
}

}  // namespace
}  // namespace pum::plan
