// `pum db drop --force` drops a database while another session is connected to it (test_database
// "drop with an active connection"): the other sessions are closed first.

#include <gtest/gtest.h>

#include <string>

#include "case_runner.hpp"
#include "files.hpp"
#include "pg.hpp"
#include "process.hpp"

namespace {

TEST(OpsDb, DropClosesOtherSessions) {
  try {
    e2e::require_test_server();
  } catch (const std::exception& e) {
    FAIL() << e.what();
  }
  const std::string tmp = e2e::make_temp_dir("pum-it-db-drop");
  const std::string scratch = tmp + "/scratch";
  e2e::write_text_file(scratch + "/.keep", "");
  const std::string db = e2e::database_name("it_", "ops_db_drop_active");
  e2e::recreate_database(db);

  // A session that stays connected to the database during the drop.
  auto busy = std::make_unique<e2e::Db>(e2e::conninfo_for(db));
  ASSERT_EQ(busy->value("SELECT 1"), "1");

  e2e::ProcessOptions options;
  options.argv = {
      e2e::pum_binary_path(PUM_BINARY), "-p", e2e::conninfo_for(db), "db", "drop", "--force", db};
  options.env["NO_COLOR"] = "1";
  const e2e::ProcessResult drop = e2e::run_process(options, scratch);
  ASSERT_EQ(drop.exit_code, 0) << drop.status() << "\nstderr:\n" << drop.stderr_text;
  EXPECT_NE(drop.stderr_text.find("Closing 1 other session(s) on database '" + db + "'"),
            std::string::npos)
      << drop.stderr_text;

  e2e::Db postgres(e2e::conninfo_for("postgres"));
  EXPECT_EQ(
      postgres.value("SELECT count(*) FROM pg_database WHERE datname = " + e2e::quote_literal(db)),
      "0");
  std::optional<e2e::SqlError> error;
  busy->query("SELECT 1", &error);
  EXPECT_TRUE(error.has_value()) << "the other session should have been closed";
  busy.reset();

  if (!HasFailure()) e2e::remove_all(tmp);
}

}  // namespace
