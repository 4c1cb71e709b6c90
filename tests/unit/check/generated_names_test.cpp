#include "pum/check/generated_names.hpp"

#include <gtest/gtest.h>

namespace pum::check {
namespace {

TEST(GeneratedNames, DropsTheNumberPostgresqlAppends) {
  EXPECT_EQ(strip_generated_suffixes("t_a_idx1"), "t_a_idx");
  EXPECT_EQ(strip_generated_suffixes("CREATE INDEX t_a_idx12 ON s.t USING btree (a)"),
            "CREATE INDEX t_a_idx ON s.t USING btree (a)");
  EXPECT_EQ(strip_generated_suffixes("item_price_check1"), "item_price_check");
  EXPECT_EQ(strip_generated_suffixes("t_pkey2|t_b_key3|t_c_fkey4|t_excl5|t_id_seq6|t_a_not_null7"),
            "t_pkey|t_b_key|t_c_fkey|t_excl|t_id_seq|t_a_not_null");
}

TEST(GeneratedNames, LeavesOtherNamesAlone) {
  EXPECT_EQ(strip_generated_suffixes("t_a_idx"), "t_a_idx");
  EXPECT_EQ(strip_generated_suffixes("table2 column3 v_12"), "table2 column3 v_12");
  EXPECT_EQ(strip_generated_suffixes("monkey1"), "monkey1");  // "key" is not "_key"
  EXPECT_EQ(strip_generated_suffixes("_key1"), "_key1");      // nothing before the suffix
  EXPECT_EQ(strip_generated_suffixes("CHECK ((year > 1800))"), "CHECK ((year > 1800))");
}

}  // namespace
}  // namespace pum::check
