#include "pum/fleet/pattern.hpp"

#include <gtest/gtest.h>

using pum::fleet::glob_match;
using pum::fleet::select_names;
using pum::fleet::split_patterns;

TEST(FleetPattern, ShellStyleWholeName) {
  EXPECT_TRUE(glob_match("city_*", "city_lausanne"));
  EXPECT_TRUE(glob_match("city_*", "city_"));
  EXPECT_FALSE(glob_match("city_*", "xcity_a"));
  EXPECT_TRUE(glob_match("town_?", "town_a"));
  EXPECT_FALSE(glob_match("town_?", "town_ab"));
  EXPECT_TRUE(glob_match("*_prod", "a_b_prod"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYY"));
  EXPECT_TRUE(glob_match("exact", "exact"));
  EXPECT_FALSE(glob_match("Exact", "exact")) << "case-sensitive, as PostgreSQL names";
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(FleetPattern, CommaSeparatedListDropsEmptyItems) {
  EXPECT_EQ(split_patterns("a*,b,,c?"), (std::vector<std::string>{"a*", "b", "c?"}));
  EXPECT_TRUE(split_patterns("").empty());
}

TEST(FleetPattern, SelectIncludesExcludesSortsAndDeduplicates) {
  const std::vector<std::string> names{"city_b", "city_a", "city_test", "town_x", "city_a"};
  EXPECT_EQ(select_names(names, {"city_*", "*_a"}, {"*_test"}),
            (std::vector<std::string>{"city_a", "city_b"}));
  EXPECT_TRUE(select_names(names, {"none_*"}, {}).empty());
}
