// application (drop/create), its legacy spelling migration_hooks (pre/post), and uninstall hooks.
#include <gtest/gtest.h>

#include <string>

#include "pum/config/config.hpp"
#include "temp_module.hpp"

namespace pum::config::test {
namespace {

const std::string kHead = "pum:\n  module: a\n";

TEST(Hooks, FileAndCodeHooks) {
  TempModule module;
  module.write("app/create.sql", "SELECT 1;\n");
  module.write("app/views.py", "class Hook: pass\n");
  const Config config = module.load(kHead +
                                    "application:\n"
                                    "  drop:\n"
                                    "    - code: DROP SCHEMA IF EXISTS app CASCADE;\n"
                                    "  create:\n"
                                    "    - file: app/create.sql\n"
                                    "    - file: ./app/../app/views.py\n"
                                    "uninstall:\n"
                                    "  - code: DROP SCHEMA app;\n");
  ASSERT_EQ(config.drop_hooks.size(), 1U);
  EXPECT_EQ(config.drop_hooks[0].code, "DROP SCHEMA IF EXISTS app CASCADE;");
  EXPECT_EQ(config.drop_hooks[0].file, std::nullopt);
  EXPECT_EQ(config.drop_hooks[0].mark.line, 5);
  EXPECT_EQ(config.drop_hooks[0].mark.column, 7);
  ASSERT_EQ(config.create_hooks.size(), 2U);
  EXPECT_EQ(config.create_hooks[0].file, module.dir() / "app/create.sql");
  EXPECT_EQ(config.create_hooks[0].file_display, "app/create.sql");
  EXPECT_EQ(config.create_hooks[0].code, std::nullopt);
  EXPECT_EQ(config.create_hooks[1].file, module.dir() / "app/views.py");
  EXPECT_EQ(config.create_hooks[1].file_display, "./app/../app/views.py");
  ASSERT_EQ(config.uninstall_hooks.size(), 1U);
  EXPECT_EQ(config.uninstall_hooks[0].code, "DROP SCHEMA app;");
}

TEST(Hooks, AbsolutePathsAreKept) {
  TempModule module;
  TempModule elsewhere;
  const auto sql = elsewhere.write("shared/drop.sql", "SELECT 1;\n");
  const Config config =
      module.load(kHead + "application:\n  drop:\n    - file: " + sql.string() + "\n");
  ASSERT_EQ(config.drop_hooks.size(), 1U);
  EXPECT_EQ(config.drop_hooks[0].file, sql);
}

TEST(Hooks, BothFileAndCode) {
  TempModule module;
  module.write("x.sql", "SELECT 1;\n");
  const Error e = module.error(kHead +
                               "application:\n  create:\n    - file: x.sql\n"
                               "      code: SELECT 1;\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:7: Exactly one of 'file' or 'code' must be set in a hook.");
  EXPECT_EQ(first_hint(e), "split it into two hooks, one with 'file' and one with 'code'");
}

TEST(Hooks, NeitherFileNorCode) {
  TempModule module;
  const Error e = module.error(kHead + "uninstall:\n  - code: ''\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:5: Exactly one of 'file' or 'code' must be set in a hook.");
  EXPECT_EQ(first_hint(e), "add 'file: path/to/hook.sql' or 'code: <SQL>'");
  const Error empty = module.error(kHead + "uninstall:\n  - {}\n");
  EXPECT_EQ(empty.what(), ".pum.yaml:4:5: Exactly one of 'file' or 'code' must be set in a hook.");
}

TEST(Hooks, FileNotFound) {
  TempModule module;
  const Error e = module.error(kHead + "application:\n  create:\n    - file: app/missing.sql\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:13: hook file 'app/missing.sql' not found: " +
                          (module.dir() / "app/missing.sql").string());
  EXPECT_EQ(first_hint(e), "paths in the configuration are relative to the module directory " +
                               module.dir().string());
  EXPECT_EQ(e.location().line_text, "    - file: app/missing.sql");
}

TEST(Hooks, FileIsADirectory) {
  TempModule module;
  module.write("app/x.sql/inner.sql", "SELECT 1;\n");
  const Error e = module.error(kHead + "application:\n  create:\n    - file: app/x.sql\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:13: hook file 'app/x.sql' is not a regular file: " +
                          (module.dir() / "app/x.sql").string());
  EXPECT_EQ(first_hint(e), "name a .sql or .py file");
}

TEST(Hooks, OnlySqlAndPythonFiles) {
  TempModule module;
  module.write("app/run.sh", "echo\n");
  const Error e = module.error(kHead + "application:\n  drop:\n    - file: app/run.sh\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:13: Only .sql and .py files are supported as hooks, not 'app/run.sh'");
  EXPECT_EQ(first_hint(e),
            "put SQL in a .sql file; anything else can be run from a Python (.py) hook");
}

TEST(Hooks, EntryMustBeAMapping) {
  TempModule module;
  const Error e = module.error(kHead + "application:\n  drop:\n    - app/drop.sql\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:7: each entry of 'drop' must be a mapping, found a string "
            "('app/drop.sql')");
  EXPECT_EQ(first_hint(e), "write a hook as '- file: path/to/hook.sql' or '- code: <SQL>'");
}

TEST(Hooks, UnknownKeyInHook) {
  TempModule module;
  const Error e = module.error(kHead + "uninstall:\n  - sql: DROP SCHEMA a;\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:5: unknown key 'sql'");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0], "valid keys in a hook: file, code");
}

TEST(Hooks, CodeMustBeAString) {
  TempModule module;
  const Error e = module.error(kHead + "uninstall:\n  - code: [DROP]\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:11: 'code' must be a string, found a list");
}

TEST(Hooks, LegacyNamesFixture) {
  const std::string dir = std::string(PUM_TEST_DATA_DIR) + "/legacy/legacy";
  const Config config = load_config(dir + "/.pum.yaml", "legacy/.pum.yaml");
  ASSERT_EQ(config.drop_hooks.size(), 2U);
  ASSERT_EQ(config.create_hooks.size(), 1U);
  EXPECT_EQ(config.drop_hooks[0].file, std::filesystem::path(dir) / "drop_app/drop_view.sql");
  EXPECT_EQ(config.drop_hooks[1].code, "DROP VIEW IF EXISTS pum_test_app.other_view;");
  EXPECT_EQ(config.create_hooks[0].file, std::filesystem::path(dir) / "create_app/create_view.sql");
}

TEST(Hooks, NewNamesFixture) {
  const std::string dir = std::string(PUM_TEST_DATA_DIR) + "/legacy/new";
  const Config config = load_config(dir + "/.pum.yaml", "new/.pum.yaml");
  ASSERT_EQ(config.drop_hooks.size(), 1U);
  ASSERT_EQ(config.create_hooks.size(), 1U);
  EXPECT_EQ(config.drop_hooks[0].file, std::filesystem::path(dir) / "drop_app/drop_view.sql");
  EXPECT_EQ(config.create_hooks[0].file, std::filesystem::path(dir) / "create_app/create_view.sql");
}

}  // namespace
}  // namespace pum::config::test
