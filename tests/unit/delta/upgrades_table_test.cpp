#include "pum/delta/upgrades_table.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::delta {
namespace {

TEST(TableName, SplitOnTheFirstDot) {
  auto t = TableName::parse("qgep_sys.pum_info");
  EXPECT_EQ(t.schema, "qgep_sys");
  EXPECT_EQ(t.name, "pum_info");
  EXPECT_EQ(t.display(), "qgep_sys.pum_info");
  t = TableName::parse("a.b.c");
  EXPECT_EQ(t.schema, "a");
  EXPECT_EQ(t.name, "b.c");
}

TEST(TableName, NeedsASchema) {
  for (const char* bad : {"pum", ".pum", "public.", ""}) {
    try {
      TableName::parse(bad);
      FAIL() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage) << bad;
      EXPECT_EQ(e.message(), std::string("the upgrades table must be given as schema.name (e.g. "
                                         "public.pum), not '") +
                                 bad + "'");
    }
  }
}

TEST(RowKey, AsMigrationKeys) {
  EXPECT_EQ(row_key("0.5.0", "001_drop_started_at_column", 8),
            "0.5.0|001_drop_started_at_column|8");
  EXPECT_EQ(row_key("1.0.0", "", 10), "1.0.0||10");
  EXPECT_EQ(row_key("0.5.0", "baseline", 0), "");
}

}  // namespace
}  // namespace pum::delta
