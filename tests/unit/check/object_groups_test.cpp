#include "pum/check/object_groups.hpp"

#include <gtest/gtest.h>

#include "pum/check/line_diff.hpp"

namespace pum::check {
namespace {

Row index_row(const std::string& column, const std::string& definition) {
  return {{std::string("s"), std::string("t"), std::string("t_idx"), column, definition},
          relation_key("s", "t"),
          "s.t",
          "t_idx"};
}

TEST(ObjectGroups, PairsTheTwoVersionsOfAThingAndMergesItsRows) {
  CheckResult result{Kind::indexes,
                     {{DiffType::removed, index_row("a", "CREATE INDEX t_idx (a, b)")},
                      {DiffType::removed, index_row("b", "CREATE INDEX t_idx (a, b)")},
                      {DiffType::added, index_row("a", "CREATE INDEX t_idx (a)")}}};
  Row other = index_row("c", "CREATE INDEX u_idx (c)");
  other.item = "u_idx";
  other.values[2] = std::string("u_idx");
  result.differences.push_back({DiffType::added, other});
  auto groups = group_differences(result);
  ASSERT_EQ(groups.size(), 1U);
  EXPECT_EQ(groups[0].object, "s.t");
  EXPECT_EQ(groups[0].removed_rows, 2U);
  EXPECT_EQ(groups[0].added_rows, 2U);
  ASSERT_EQ(groups[0].entries.size(), 2U);
  const Entry& changed = groups[0].entries[0];
  EXPECT_EQ(changed.state, Entry::changed);
  EXPECT_EQ(changed.item, "t_idx");
  EXPECT_EQ(changed.first->rows, 2U);
  EXPECT_EQ(changed.first->values[3], "a, b");
  EXPECT_EQ(changed.first->values[4], "CREATE INDEX t_idx (a, b)");
  EXPECT_EQ(changed.second->values[3], "a");
  EXPECT_EQ(groups[0].entries[1].state, Entry::only_second);
  EXPECT_FALSE(groups[0].entries[1].first.has_value());
}

TEST(ObjectGroups, GroupsAreSortedByObject) {
  Row a{{std::string("s"), std::string("b")}, {}, "s.b", {}};
  Row b{{std::string("s"), std::string("a")}, {}, "s.a", {}};
  auto groups = group_differences({Kind::tables, {{DiffType::removed, a}, {DiffType::added, b}}});
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_EQ(groups[0].object, "s.a");
  EXPECT_EQ(groups[0].entries[0].state, Entry::only_second);
  EXPECT_EQ(groups[1].entries[0].state, Entry::only_first);
}

TEST(LineDiff, AlignsEqualLinesAndPairsChangedOnes) {
  auto lines = side_by_side("a\nb\nc\nd", "a\nB\nc\nd\ne");
  ASSERT_EQ(lines.size(), 5U);
  EXPECT_EQ(lines[0].op, SideBySideLine::same);
  EXPECT_EQ(lines[1].op, SideBySideLine::changed);
  EXPECT_EQ(lines[1].left, "b");
  EXPECT_EQ(lines[1].right, "B");
  EXPECT_EQ(lines[2].op, SideBySideLine::same);
  EXPECT_EQ(lines[4].op, SideBySideLine::added);
  EXPECT_EQ(lines[4].right, "e");
  auto removed = side_by_side("x\ny", "y");
  ASSERT_EQ(removed.size(), 2U);
  EXPECT_EQ(removed[0].op, SideBySideLine::removed);
  EXPECT_EQ(removed[1].op, SideBySideLine::same);
}

TEST(LineDiff, SplitLines) {
  EXPECT_EQ(split_lines("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(split_lines(""), std::vector<std::string>{});
}

}  // namespace
}  // namespace pum::check
