#include "pum/flat/flat_name.hpp"

#include <gtest/gtest.h>

namespace pum::flat {
namespace {

TEST(FlatName, NumberPrefix) {
  auto n = parse_flat_name("001_create_users.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version.str(), "1");
  EXPECT_EQ(n->number, "001");
  EXPECT_EQ(n->name, "create_users");
  EXPECT_EQ(n->style, NameStyle::number);
}

TEST(FlatName, Flyway) {
  auto n = parse_flat_name("V10__add_index.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version.str(), "10");
  EXPECT_EQ(n->name, "add_index");
  EXPECT_EQ(n->style, NameStyle::flyway);
  auto dotted = parse_flat_name("V1.2__x.sql");
  ASSERT_TRUE(dotted);
  EXPECT_EQ(dotted->version.str(), "1.2");
  EXPECT_LT(parse_flat_name("V2__a.sql")->version, parse_flat_name("V10__a.sql")->version);
}

TEST(FlatName, DbmateTimestamp) {
  auto n = parse_flat_name("20151129054053_add_users.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version.str(), "20151129054053");
  EXPECT_EQ(n->name, "add_users");
  EXPECT_EQ(n->style, NameStyle::number);
}

TEST(FlatName, PgdbmCreateMigrationTimestamp) {
  auto n = parse_flat_name("20240126_120000_add_users.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->version.str(), "20240126120000");
  EXPECT_EQ(n->number, "20240126_120000");
  EXPECT_EQ(n->name, "add_users");
  EXPECT_EQ(n->style, NameStyle::timestamp);
  // A date alone is a number.
  auto date = parse_flat_name("20240126_add.sql");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->version.str(), "20240126");
}

TEST(FlatName, Refused) {
  EXPECT_FALSE(parse_flat_name("init.sql"));
  EXPECT_FALSE(parse_flat_name("001-init.sql"));
  EXPECT_FALSE(parse_flat_name("001.sql"));
  EXPECT_FALSE(parse_flat_name("V1_init.sql"));
  EXPECT_FALSE(parse_flat_name("R__views.sql"));
  EXPECT_FALSE(parse_flat_name("v1__lower.sql"));
  EXPECT_FALSE(parse_flat_name("001_init.txt"));
  EXPECT_FALSE(parse_flat_name("1234567890123456789_too_long.sql"));
  EXPECT_TRUE(parse_flat_name("123456789012345678_ok.sql"));
}

TEST(FlatName, EmptyDescriptivePart) {
  auto n = parse_flat_name("001_.sql");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "");
}

TEST(FlatName, SimpleIdentifier) {
  EXPECT_TRUE(is_simple_identifier("schema_migrations"));
  EXPECT_TRUE(is_simple_identifier("_x1"));
  EXPECT_TRUE(is_simple_identifier(std::string(63, 'a')));
  EXPECT_FALSE(is_simple_identifier(std::string(64, 'a')));
  EXPECT_FALSE(is_simple_identifier("1abc"));
  EXPECT_FALSE(is_simple_identifier("a-b"));
  EXPECT_FALSE(is_simple_identifier(""));
  EXPECT_FALSE(is_simple_identifier("a.b"));
}

}  // namespace
}  // namespace pum::flat
