#include "pum/ops/tool_connection.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::ops {
namespace {

TEST(ToolConnection, ServiceName) {
  ToolConnection c = tool_connection("pum_test");
  EXPECT_EQ(c.conninfo, "service='pum_test'");
  EXPECT_FALSE(c.password);
}

TEST(ToolConnection, ConninfoWithoutPassword) {
  ToolConnection c = tool_connection("host=localhost dbname='my db' user=me");
  EXPECT_EQ(c.conninfo, "user='me' dbname='my db' host='localhost'");
  EXPECT_FALSE(c.password);
}

TEST(ToolConnection, PasswordLeavesTheConninfo) {
  ToolConnection c = tool_connection("dbname=x password='s3cr\\'et' user=u");
  EXPECT_EQ(c.conninfo, "user='u' dbname='x'");
  ASSERT_TRUE(c.password);
  EXPECT_EQ(*c.password, "s3cr'et");
}

TEST(ToolConnection, UriIsTakenApart) {
  ToolConnection c = tool_connection("postgresql://me:pw@db.example:5433/my%20db?sslmode=require");
  EXPECT_EQ(c.conninfo, "user='me' dbname='my db' host='db.example' port='5433' sslmode='require'");
  ASSERT_TRUE(c.password);
  EXPECT_EQ(*c.password, "pw");
}

TEST(ToolConnection, QuotesAndBackslashesAreEscaped) {
  ToolConnection c = tool_connection("dbname='a\\'b\\\\c'");
  EXPECT_EQ(c.conninfo, "dbname='a\\'b\\\\c'");
}

TEST(ToolConnection, InvalidConninfo) {
  try {
    tool_connection("dbname=x nosuchkey=1 password=secret");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("invalid connection 'dbname=x nosuchkey=1 password=***'"),
              std::string::npos)
        << error.message();
    EXPECT_EQ(error.message().find("secret"), std::string::npos);
  }
}

TEST(ToolConnection, DbnameReplacesTheDatabase) {
  EXPECT_EQ(conninfo_with_dbname("pum_test", "other db"), "service='pum_test' dbname='other db'");
  EXPECT_EQ(conninfo_with_dbname("postgresql://me@h/first", "second"),
            "user='me' host='h' dbname='second'");
}

TEST(ToolConnection, DbnameKeepsThePassword) {
  EXPECT_EQ(conninfo_with_dbname("dbname=x password='p\\'w' user=u", "y"),
            "user='u' password='p\\'w' dbname='y'");
}

}  // namespace
}  // namespace pum::ops
