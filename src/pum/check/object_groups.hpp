#pragma once
// The differences of one check arranged for people (the HTML report): grouped by the object
// they belong to (a table, a view, a function), and inside it by the thing that differs (a
// column, a constraint). When a thing has rows on both sides it has changed: the two versions
// are shown together. Several rows of one thing on one side (a two-column index) are merged,
// each field listing its distinct values.
#include <optional>
#include <string>
#include <vector>

#include "pum/check/report.hpp"

namespace pum::check {

struct MergedRow {
  std::vector<Value> values;  // per column: the distinct values of the rows, joined
  std::size_t rows = 0;
};

struct Entry {
  enum State { changed, only_first, only_second } state;
  std::string item;                 // empty: the object itself
  std::optional<MergedRow> first;   // set unless only_second
  std::optional<MergedRow> second;  // set unless only_first
};

struct ObjectGroup {
  std::string object;
  std::vector<Entry> entries;  // by item, then state
  std::size_t removed_rows = 0, added_rows = 0;
};

// Groups sorted by object name.
std::vector<ObjectGroup> group_differences(const CheckResult& result);

}  // namespace pum::check
