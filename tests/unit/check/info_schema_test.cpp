#include "pum/check/info_schema.hpp"

#include <gtest/gtest.h>

namespace pum::check {
namespace {

// Values checked against information_schema.columns of PostgreSQL 15.
TEST(InfoSchema, CharacterMaximumLength) {
  EXPECT_EQ(character_maximum_length(1043, 84), "80");  // varchar(80)
  EXPECT_EQ(character_maximum_length(1042, 5), "1");    // char(1)
  EXPECT_EQ(character_maximum_length(1043, -1), std::nullopt);
  EXPECT_EQ(character_maximum_length(1562, 12), "12");        // varbit(12)
  EXPECT_EQ(character_maximum_length(25, -1), std::nullopt);  // text
}

TEST(InfoSchema, NumericPrecisionAndRadix) {
  EXPECT_EQ(numeric_precision(23, -1), "32");
  EXPECT_EQ(numeric_precision(21, -1), "16");
  EXPECT_EQ(numeric_precision(20, -1), "64");
  EXPECT_EQ(numeric_precision(700, -1), "24");
  EXPECT_EQ(numeric_precision(701, -1), "53");
  EXPECT_EQ(numeric_precision(1700, 655366), "10");  // numeric(10,2)
  EXPECT_EQ(numeric_precision(1700, -1), std::nullopt);
  EXPECT_EQ(numeric_precision(25, -1), std::nullopt);
  EXPECT_EQ(numeric_precision_radix(23, -1), "2");
  EXPECT_EQ(numeric_precision_radix(1700, 655366), "10");
  EXPECT_EQ(numeric_precision_radix(1043, 84), std::nullopt);
}

TEST(InfoSchema, DatetimePrecision) {
  EXPECT_EQ(datetime_precision(1082, -1), "0");  // date
  EXPECT_EQ(datetime_precision(1184, -1), "6");  // timestamptz
  EXPECT_EQ(datetime_precision(1114, 3), "3");   // timestamp(3)
  EXPECT_EQ(datetime_precision(1186, -1), "6");  // interval
  EXPECT_EQ(datetime_precision(1186, 0x7fff0002), "2");
  EXPECT_EQ(datetime_precision(1186, 0x7fffffff), "6");
  EXPECT_EQ(datetime_precision(23, -1), std::nullopt);
}

}  // namespace
}  // namespace pum::check
