// How -p is turned into a libpq connection string, and how it is shown in messages.
#include <gtest/gtest.h>

#include "pum/db/advisory_lock.hpp"
#include "pum/db/connection.hpp"

namespace pum::db {
namespace {

TEST(ConninfoFromArgument, ServiceNameBecomesService) {
  EXPECT_EQ(conninfo_from_argument("pum_test"), "service=pum_test");
}

TEST(ConninfoFromArgument, ConninfoAndUriAreVerbatim) {
  EXPECT_EQ(conninfo_from_argument("dbname=x host=h"), "dbname=x host=h");
  EXPECT_EQ(conninfo_from_argument("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(conninfo_from_argument("postgres://h/db"), "postgres://h/db");
}

TEST(RedactConninfo, KeyValuePasswords) {
  EXPECT_EQ(redact_conninfo("host=h password=s3cret dbname=x"), "host=h password=*** dbname=x");
  EXPECT_EQ(redact_conninfo("password = 's3 cret' dbname=x"), "password = *** dbname=x");
  EXPECT_EQ(redact_conninfo("dbname=x password='it\\'s'"), "dbname=x password=***");
  EXPECT_EQ(redact_conninfo("dbname=x"), "dbname=x");
  EXPECT_EQ(redact_conninfo("pum_test"), "pum_test");
}

TEST(RedactConninfo, UriPasswords) {
  EXPECT_EQ(redact_conninfo("postgresql://user:s3cret@host:5432/db"),
            "postgresql://user:***@host:5432/db");
  EXPECT_EQ(redact_conninfo("postgresql://host/db?password=s3cret&sslmode=require"),
            "postgresql://host/db?password=***&sslmode=require");
  EXPECT_EQ(redact_conninfo("postgresql://user@host/db"), "postgresql://user@host/db");
}

TEST(RedactConninfo, NeverLeaksThePassword) {
  for (const char* text : {"password=abc123", "host=x password=abc123", "password='abc123'",
                           "postgresql://u:abc123@h/d", "postgresql://h/d?password=abc123"}) {
    EXPECT_EQ(redact_conninfo(text).find("abc123"), std::string::npos) << text;
  }
}

TEST(MigrationLockKey, StablePerSchemaAndPositive) {
  LockKey a = migration_lock_key("public");
  LockKey b = migration_lock_key("public");
  LockKey c = migration_lock_key("pipes_sys");
  EXPECT_EQ(a.space, 0x70756d);
  EXPECT_EQ(a.key, b.key);
  EXPECT_NE(a.key, c.key);
  EXPECT_GE(a.key, 0);
  EXPECT_GE(c.key, 0);
}

}  // namespace
}  // namespace pum::db
