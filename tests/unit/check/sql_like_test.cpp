#include "pum/check/sql_like.hpp"

#include <gtest/gtest.h>

namespace pum::check {
namespace {

TEST(SqlLike, ExactTextWithoutWildcards) {
  EXPECT_TRUE(sql_like("geom", "geom"));
  EXPECT_FALSE(sql_like("geom", "Geom"));
  EXPECT_FALSE(sql_like("geometry", "geom"));
  EXPECT_TRUE(sql_like("", ""));
}

TEST(SqlLike, PercentMatchesAnyRun) {
  EXPECT_TRUE(sql_like("_last_modified", "%modified"));
  EXPECT_TRUE(sql_like("geom", "%"));
  EXPECT_TRUE(sql_like("", "%"));
  EXPECT_TRUE(sql_like("label_fr", "label%"));
  EXPECT_TRUE(sql_like("a_x_b_x_c", "a%x%c"));
  EXPECT_FALSE(sql_like("a_x_b", "a%x%c"));
  EXPECT_TRUE(sql_like("aaa", "%a%a%a%"));
  EXPECT_FALSE(sql_like("aa", "%a%a%a%"));
}

TEST(SqlLike, UnderscoreMatchesOneCharacter) {
  EXPECT_TRUE(sql_like("note", "no_e"));
  EXPECT_FALSE(sql_like("noe", "no_e"));
  EXPECT_TRUE(sql_like("größe", "gr__e"));  // one code point each, not one byte
  EXPECT_FALSE(sql_like("größe", "gr___e"));
}

TEST(SqlLike, BackslashMakesTheNextCharacterLiteral) {
  EXPECT_TRUE(sql_like("a_b", "a\\_b"));
  EXPECT_FALSE(sql_like("axb", "a\\_b"));
  EXPECT_TRUE(sql_like("100%", "100\\%"));
  EXPECT_FALSE(sql_like("1000", "100\\%"));
}

}  // namespace
}  // namespace pum::check
