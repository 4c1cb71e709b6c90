// demo_data (named file sets) and dependencies (Python distributions with version bounds).
#include <gtest/gtest.h>

#include <string>

#include "pum/config/config.hpp"
#include "temp_module.hpp"

namespace pum::config::test {
namespace {

const std::string kHead = "pum:\n  module: a\n";

TEST(DemoData, FileAndFiles) {
  TempModule module;
  const Config config = module.load(kHead +
                                    "demo_data:\n"
                                    "  - name: small\n"
                                    "    file: demo/small.sql\n"
                                    "  - name: full network\n"
                                    "    files: [demo/1.sql, demo/2.sql]\n");
  ASSERT_EQ(config.demo_data.size(), 2U);
  EXPECT_EQ(config.demo_data[0].name, "small");
  EXPECT_EQ(config.demo_data[0].files, (std::vector<std::string>{"demo/small.sql"}));
  EXPECT_EQ(config.demo_data[0].mark.line, 4);
  EXPECT_EQ(config.demo_data[1].name, "full network");
  EXPECT_EQ(config.demo_data[1].files, (std::vector<std::string>{"demo/1.sql", "demo/2.sql"}));
}

TEST(DemoData, ExactlyOneOfFileOrFiles) {
  TempModule module;
  const Error both = module.error(kHead +
                                  "demo_data:\n  - name: x\n    file: a.sql\n"
                                  "    files: [b.sql]\n");
  EXPECT_EQ(both.what(),
            ".pum.yaml:4:5: Exactly one of 'file' or 'files' must be set in a demo data set.");
  EXPECT_EQ(first_hint(both), "keep either 'file' or 'files'; a single file can go in 'files'");
  const Error neither = module.error(kHead + "demo_data:\n  - name: x\n    files: []\n");
  EXPECT_EQ(neither.what(),
            ".pum.yaml:4:5: Exactly one of 'file' or 'files' must be set in a demo data set.");
  EXPECT_EQ(first_hint(neither), "add 'file: <path.sql>' or a 'files:' list");
}

TEST(DemoData, NameIsRequiredAndUnique) {
  TempModule module;
  const Error missing = module.error(kHead + "demo_data:\n  - file: a.sql\n");
  EXPECT_EQ(missing.what(), ".pum.yaml:4:5: missing required key 'name' in a demo_data entry");
  EXPECT_EQ(first_hint(missing), "add 'name: <name>'; it is what 'install --demo-data' takes");
  const Error twice = module.error(kHead +
                                   "demo_data:\n  - name: x\n    file: a.sql\n"
                                   "  - name: x\n    file: b.sql\n");
  EXPECT_EQ(twice.what(), ".pum.yaml:6:11: duplicate demo data 'x' (first declared at line 4)");
}

TEST(Dependencies, NameAndBounds) {
  TempModule module;
  const Config config = module.load(kHead +
                                    "dependencies:\n"
                                    "  - name: pirogue\n"
                                    "    minimum_version: 3.0.0\n"
                                    "    maximum_version: 3.9\n"
                                    "  - name: psycopg\n");
  ASSERT_EQ(config.dependencies.size(), 2U);
  EXPECT_EQ(config.dependencies[0].name, "pirogue");
  EXPECT_EQ(config.dependencies[0].minimum_version, "3.0.0");
  EXPECT_EQ(config.dependencies[0].maximum_version, "3.9");
  EXPECT_EQ(config.dependencies[0].mark.line, 4);
  EXPECT_EQ(config.dependencies[1].minimum_version, std::nullopt);
  EXPECT_EQ(config.dependencies[1].maximum_version, std::nullopt);
}

TEST(Dependencies, NameIsRequired) {
  TempModule module;
  const Error e = module.error(kHead + "dependencies:\n  - minimum_version: 1.0\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:5: missing required key 'name' in a dependency");
  EXPECT_EQ(first_hint(e), "add 'name: <distribution>', the name pip installs it by");
}

TEST(Dependencies, InvalidVersion) {
  TempModule module;
  const Error e = module.error(kHead + "dependencies:\n  - name: x\n    minimum_version: one\n");
  EXPECT_EQ(e.what().rfind(".pum.yaml:5:22: invalid version 'one'", 0), 0U) << e.what();
  EXPECT_EQ(first_hint(e), "write a PEP 440 version such as 3.0.0");
}

TEST(Dependencies, MinimumAboveMaximum) {
  TempModule module;
  const Error e = module.error(kHead +
                               "dependencies:\n  - name: x\n    minimum_version: 2.0\n"
                               "    maximum_version: 1.10\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:6:22: maximum_version 1.10 of dependency 'x' is lower than its "
            "minimum_version 2.0");
  EXPECT_EQ(first_hint(e), "swap the two bounds, or correct one of them (both are inclusive)");
  // Compared as versions, not as text or floats: 1.10 > 1.9.
  EXPECT_NO_THROW((void)module.load(kHead + "dependencies:\n  - name: x\n"
                                            "    minimum_version: 1.9\n"
                                            "    maximum_version: 1.10\n"));
}

}  // namespace
}  // namespace pum::config::test
