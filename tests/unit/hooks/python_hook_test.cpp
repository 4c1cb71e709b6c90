// Python hooks in one process, as a host that keeps pum loaded (the QGIS plugin case of pum 1.x):
// two versions of a module run one after the other, each seeing its own helpers, because the
// modules of a module directory are evicted once its last hook is released (docs/python-hooks.md;
// fixtures hook_version_switch, hook_submodule_cleanup, hook_dynamic_import_switch). Needs the test
// server (PUM_TEST_PG=1, see scripts/test.sh): hooks run on a real connection.
#include "pum/hooks/python_hook.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "pum/db/connection.hpp"
#include "pum/db/transaction.hpp"

namespace pum::hooks::test {
namespace {

namespace fs = std::filesystem;

const fs::path kData = PUM_TEST_DATA_DIR;

class PythonHooks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The build tree: <build>/tests/unit_hooks beside <build>/pum-python.
    fs::path exe = fs::read_symlink("/proc/self/exe");
    set_python_support_dir(exe.parent_path().parent_path() / "pum-python");
  }

  void SetUp() override {
    if (!python_available()) GTEST_SKIP() << "this pum is built without Python";
    if (std::getenv("PUM_TEST_PG") == nullptr) {
      GTEST_SKIP() << "needs the test server: run scripts/test.sh (or set PUM_TEST_PG=1 with "
                      "PGHOST/PGPORT/PGUSER of scripts/pg.sh)";
    }
    const char* db = std::getenv("PGDATABASE");
    conn_ = std::make_unique<db::Connection>(
        db::Connection::open(std::string("dbname=") + (db != nullptr ? db : "postgres")));
    transaction_ = std::make_unique<db::Transaction>(*conn_);
  }

  void TearDown() override {
    transaction_.reset();
    conn_.reset();
  }

  static config::Config module(const fs::path& dir) {
    config::Config config;
    config.file = dir / ".pum.yaml";
    config.base_dir = dir;
    config.display_file = ".pum.yaml";
    config::ParameterDef forbidden;
    forbidden.name = "forbidden";
    config.parameters.push_back(forbidden);
    return config;
  }

  static config::Hook hook(const fs::path& dir, const std::string& file) {
    config::Hook h;
    h.file = dir / file;
    h.file_display = file;
    return h;
  }

  // Loads, runs and releases one hook; a failing hook fails the test with pum's message.
  void run(const fs::path& dir, const std::string& file) {
    config::Config config = module(dir);
    try {
      auto loaded = load_python_hook(config, hook(dir, file));
      run_python_hook(*loaded, *conn_, {{"forbidden", std::string(dir.filename())}});
    } catch (const Error& e) {
      std::string context;
      for (const auto& [label, text] : e.details()) context += "\n" + label + ": " + text;
      FAIL() << e.what() << context;
    }
  }

  // Nothing of the modules loaded so far is left in sys.modules.
  void expect_evicted() { run(kData / "probe", "app/probe.py"); }

  std::unique_ptr<db::Connection> conn_;
  std::unique_ptr<db::Transaction> transaction_;
};

TEST_F(PythonHooks, VersionSwitch) {
  run(kData / "version_switch" / "v1", "app/create_hook.py");
  expect_evicted();
  run(kData / "version_switch" / "v2", "app/create_hook.py");
  expect_evicted();
  EXPECT_TRUE(python_started());
}

TEST_F(PythonHooks, SubmoduleCleanup) {
  run(kData / "submodule_cleanup" / "v1", "app/create_hook.py");
  run(kData / "submodule_cleanup" / "v2", "app/create_hook.py");
  expect_evicted();
  run(kData / "submodule_cleanup" / "v1", "app/create_hook.py");
}

TEST_F(PythonHooks, DynamicImportSwitch) {
  run(kData / "dynamic_import_switch" / "v1", "app/create_hook.py");
  run(kData / "dynamic_import_switch" / "v2", "app/create_hook.py");
  expect_evicted();
}

TEST_F(PythonHooks, ModulesStayWhileAHookOfTheirDirectoryIsLoaded) {
  config::Config config = module(kData / "version_switch" / "v1");
  auto first =
      load_python_hook(config, hook(kData / "version_switch" / "v1", "app/create_hook.py"));
  auto second =
      load_python_hook(config, hook(kData / "version_switch" / "v1", "app/create_hook.py"));
  first.reset();
  // `second` still holds the module directory: its helpers are still importable and loaded.
  EXPECT_NO_THROW(run_python_hook(*second, *conn_, {{"forbidden", std::string("v1")}}));
  second.reset();
  expect_evicted();
}

}  // namespace
}  // namespace pum::hooks::test
