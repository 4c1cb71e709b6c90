#include "pum/flat/no_transaction.hpp"

#include <gtest/gtest.h>

namespace pum::flat {
namespace {

std::optional<std::string> reason(const std::string& text) {
  auto r = no_transaction_reason(sql::parse_script(SourceText("f.sql", text)));
  if (!r) return std::nullopt;
  return r->reason;
}

TEST(NoTransaction, Marker) {
  EXPECT_EQ(reason("-- pgdbm:no-transaction\nCREATE TABLE t (id int);"), "-- pgdbm:no-transaction");
  EXPECT_EQ(reason("SELECT 1;\n-- pgdbm:no-transaction because\n"), "-- pgdbm:no-transaction");
  EXPECT_EQ(reason("SELECT 1;\r\n-- pgdbm:no-transaction\r\nSELECT 2;\r\n"),
            "-- pgdbm:no-transaction");
  EXPECT_FALSE(reason("SELECT 1; -- pgdbm:no-transaction\n"));    // not at a line start
  EXPECT_FALSE(reason("  -- pgdbm:no-transaction\nSELECT 1;"));   // not at a line start
  EXPECT_FALSE(reason("-- pgdbm:no-transactions\nSELECT 1;"));    // another word
  EXPECT_FALSE(reason("SELECT '\n-- pgdbm:no-transaction\n';"));  // inside a string
}

TEST(NoTransaction, Statements) {
  EXPECT_EQ(reason("CREATE INDEX CONCURRENTLY i ON t (a);"), "CREATE INDEX CONCURRENTLY");
  EXPECT_EQ(reason("create unique index concurrently i on t (a);"), "CREATE INDEX CONCURRENTLY");
  EXPECT_EQ(reason("SELECT 1;\nDROP INDEX CONCURRENTLY IF EXISTS i;"), "DROP INDEX CONCURRENTLY");
  EXPECT_EQ(reason("REINDEX INDEX CONCURRENTLY i;"), "REINDEX CONCURRENTLY");
  EXPECT_EQ(reason("REINDEX (VERBOSE) TABLE CONCURRENTLY t;"), "REINDEX CONCURRENTLY");
  EXPECT_EQ(reason("REINDEX DATABASE d;"), "REINDEX DATABASE");
  EXPECT_EQ(reason("VACUUM ANALYZE t;"), "VACUUM");
  EXPECT_EQ(reason("CREATE DATABASE d;"), "CREATE DATABASE");
  EXPECT_EQ(reason("ALTER SYSTEM SET work_mem = '64MB';"), "ALTER SYSTEM");
  EXPECT_EQ(reason("ALTER TABLE p DETACH PARTITION c CONCURRENTLY;"),
            "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");
}

TEST(NoTransaction, TransactionalStatements) {
  EXPECT_FALSE(reason("CREATE INDEX i ON t (a);"));
  EXPECT_FALSE(reason("REINDEX TABLE t;"));
  EXPECT_FALSE(reason("ALTER TYPE mood ADD VALUE 'meh';"));
  EXPECT_FALSE(reason("ALTER TABLE p DETACH PARTITION c;"));
  EXPECT_FALSE(reason("-- CREATE INDEX CONCURRENTLY i ON t (a);\nSELECT 1;"));
  EXPECT_FALSE(reason("DO $$ BEGIN EXECUTE 'VACUUM'; END $$;"));
  EXPECT_FALSE(reason("CREATE TABLE vacuum_log (id int);"));
}

}  // namespace
}  // namespace pum::flat
