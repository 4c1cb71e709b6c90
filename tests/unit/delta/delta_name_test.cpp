#include "pum/delta/delta_name.hpp"

#include <gtest/gtest.h>

namespace pum::delta {
namespace {

TEST(DeltaName, ProcrastinateNames) {
  auto d = parse_delta_name("delta_0.5.0_001_drop_started_at_column.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->version_text, "0.5.0");
  EXPECT_EQ(d->name, "001_drop_started_at_column");
  EXPECT_EQ(d->kind, "sql");
  EXPECT_EQ(d->type, 8);
  EXPECT_EQ(d->priority, 2);
  EXPECT_FALSE(d->python);
}

TEST(DeltaName, TypeCodesAndPriorities) {
  struct Case {
    const char* file;
    const char* kind;
    int type;
    int priority;
    bool python;
  };
  for (const Case& c :
       {Case{"delta_1.0.0_a.pre.py", "pre.py", 5, 1, true},
        Case{"delta_1.0.0_a.pre.sql", "pre.sql", 9, 1, false},
        Case{"delta_1.0.0_a.py", "py", 4, 2, true}, Case{"delta_1.0.0_a.sql", "sql", 8, 2, false},
        Case{"delta_1.0.0_a.post.py", "post.py", 6, 3, true},
        Case{"delta_1.0.0_a.post.sql", "post.sql", 10, 3, false}}) {
    auto d = parse_delta_name(c.file);
    ASSERT_TRUE(d) << c.file;
    EXPECT_EQ(d->kind, c.kind) << c.file;
    EXPECT_EQ(d->type, c.type) << c.file;
    EXPECT_EQ(d->priority, c.priority) << c.file;
    EXPECT_EQ(d->python, c.python) << c.file;
    EXPECT_EQ(d->name, "a");
    EXPECT_EQ(kind_of_type(c.type), c.kind);
  }
  EXPECT_EQ(kind_of_type(0), "");
  EXPECT_EQ(info_type_label(0), "baseline");
  EXPECT_EQ(info_type_label(9), "pre sql");
  EXPECT_EQ(info_type_label(8), "delta sql");
  EXPECT_EQ(info_type_label(6), "post py");
}

TEST(DeltaName, GroupsAsPythonsRegexTakesThem) {
  // No name at all.
  auto d = parse_delta_name("delta_1.2.3.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "");
  // All leading underscores belong to the separator group.
  d = parse_delta_name("delta_1.2.3___x_y.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "x_y");
  // No separator: the name follows the version directly.
  d = parse_delta_name("delta_1.2.34.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->version_text, "1.2.34");
  EXPECT_EQ(d->name, "");
  d = parse_delta_name("delta_1.2.3abc.post.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "abc");
  EXPECT_EQ(d->kind, "post.sql");
  // Leading zeros are normalised as pkg_resources.parse_version does.
  d = parse_delta_name("delta_01.02.003_x.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->version_text, "1.2.3");
  // Unicode letters are word characters for Python.
  d = parse_delta_name("delta_1.0.0_\xc3\xa9t\xc3\xa9.sql");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "\xc3\xa9t\xc3\xa9");
}

TEST(DeltaName, OtherNamesAreIgnored) {
  for (const char* name :
       {"pre-all.sql", "post-all.py", "delta_1.0_x.sql", "delta_1.0.0.0_x.sql", "delta_1.0.0_x.SQL",
        "delta_1.0.0_x.txt", "delta_1.0.0_x-y.sql", "delta_1.0.0_x.sql~", "Delta_1.0.0_x.sql",
        "delta_1.0.0_x.pre.sql.bak", "delta_1.0.0_x.sql.orig", "delta_a.b.c.sql", "delta_.sql",
        "delta_1.0.0_x..sql", "delta_1.0.0_x.pyc", "x_delta_1.0.0.sql", "delta_1.0.0 x.sql",
        "baseline-0.5.0.sql", "__init__.py"}) {
    EXPECT_FALSE(parse_delta_name(name)) << name;
  }
}

}  // namespace
}  // namespace pum::delta
