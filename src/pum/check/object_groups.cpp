#include "pum/check/object_groups.hpp"

#include <algorithm>
#include <map>

namespace pum::check {

namespace {

void merge_into(MergedRow& merged, const Row& row) {
  if (merged.rows == 0) {
    merged.values = row.values;
    merged.rows = 1;
    return;
  }
  ++merged.rows;
  for (std::size_t c = 0; c < row.values.size() && c < merged.values.size(); ++c) {
    const Value& value = row.values[c];
    Value& into = merged.values[c];
    if (!value || !into) {
      if (!into && value) into = value;  // NULL with a value: the value says more
      continue;
    }
    // Distinct values only: look for the value among those already joined.
    const char* separator = value->find('\n') != std::string::npos ? "\n\n" : ", ";
    std::string haystack = separator;
    haystack += *into;
    haystack += separator;
    std::string needle = separator;
    needle += *value;
    needle += separator;
    if (haystack.find(needle) == std::string::npos) {
      *into += separator;
      *into += *value;
    }
  }
}

}  // namespace

std::vector<ObjectGroup> group_differences(const CheckResult& result) {
  // object -> item -> (first, second)
  std::map<std::string, std::map<std::string, std::pair<MergedRow, MergedRow>>> tree;
  std::map<std::string, std::pair<std::size_t, std::size_t>> counts;
  for (const auto& diff : result.differences) {
    auto& sides = tree[diff.row.object][diff.row.item];
    merge_into(diff.type == DiffType::removed ? sides.first : sides.second, diff.row);
    auto& count = counts[diff.row.object];
    (diff.type == DiffType::removed ? count.first : count.second) += 1;
  }
  std::vector<ObjectGroup> groups;
  groups.reserve(tree.size());
  for (auto& [object, items] : tree) {
    ObjectGroup group{object, {}, counts[object].first, counts[object].second};
    for (auto& [item, sides] : items) {
      Entry entry{Entry::changed, item, std::nullopt, std::nullopt};
      if (sides.first.rows > 0) entry.first = std::move(sides.first);
      if (sides.second.rows > 0) entry.second = std::move(sides.second);
      if (!entry.second) entry.state = Entry::only_first;
      if (!entry.first) entry.state = Entry::only_second;
      group.entries.push_back(std::move(entry));
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace pum::check
