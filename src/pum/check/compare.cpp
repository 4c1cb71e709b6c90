#include "pum/check/compare.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "pum/check/generated_names.hpp"
#include "pum/check/sql_like.hpp"
#include "pum/util/error.hpp"

namespace pum::check {

namespace {

std::set<std::string> intersection(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

bool excluded_column(const Row& row, const std::vector<std::string>& patterns) {
  static const std::size_t column = column_index(Kind::columns, "column_name");
  const Value& name = row.values.at(column);
  if (!name) return false;
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return sql_like(*name, p); });
}

bool is_migrations_table(const std::string& relation) {
  static constexpr std::string_view kName = "\x1fpum_migrations";
  return relation.size() > kName.size() && std::string_view(relation).ends_with(kName);
}

// The rows of one kind of one snapshot that take part in the comparison.
std::vector<const Row*> rows_to_compare(const Snapshot& snapshot, Kind kind,
                                        const CompareOptions& options,
                                        const std::set<std::string>* only_relations) {
  std::vector<const Row*> out;
  auto found = snapshot.rows.find(kind);
  if (found == snapshot.rows.end()) return out;
  out.reserve(found->second.size());
  for (const Row& row : found->second) {
    if (!row.relation.empty() && options.exclude_relations.count(row.relation) != 0) continue;
    if (options.exclude_migrations_tables && is_migrations_table(row.relation)) continue;
    if (only_relations != nullptr && only_relations->count(row.relation) == 0) continue;
    if (kind == Kind::columns && excluded_column(row, options.exclude_field_patterns)) continue;
    out.push_back(&row);
  }
  return out;
}

bool values_less(const Row* a, const Row* b) { return a->values < b->values; }
bool values_equal(const Row* a, const Row* b) { return a->values == b->values; }

void append_sorted_unique(std::vector<const Row*>& rows, DiffType type,
                          std::vector<Difference>& into) {
  std::sort(rows.begin(), rows.end(), values_less);
  rows.erase(std::unique(rows.begin(), rows.end(), values_equal), rows.end());
  for (const Row* row : rows) into.push_back({type, *row});
}

}  // namespace

std::string comparison_key(const KindInfo& kind, const Row& row) {
  std::string key;
  for (const auto& value : row.values) {
    if (value) {
      key += *value;
    } else {
      key += '\x1d';  // NULL differs from every text, the empty one included
    }
    key += '\x1e';
  }
  return kind.generated_names ? strip_generated_suffixes(key) : key;
}

namespace {

using RowPointers = std::vector<const Row*>;

// Multiset difference of two sorted sequences: what is left of each side. `less` orders the
// items; items that are not less than each other in either direction match.
template <typename Item, typename Less, typename RowOf>
std::pair<RowPointers, RowPointers> merge_left(const std::vector<Item>& a,
                                               const std::vector<Item>& b, Less less,
                                               RowOf row_of) {
  RowPointers removed, added;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && less(a[i], b[j]))) {
      removed.push_back(row_of(a[i++]));
    } else if (i == a.size() || less(b[j], a[i])) {
      added.push_back(row_of(b[j++]));
    } else {
      ++i;
      ++j;
    }
  }
  return {std::move(removed), std::move(added)};
}

std::pair<RowPointers, RowPointers> unmatched(Kind kind, const RowPointers& first,
                                              const RowPointers& second) {
  const KindInfo& k = info(kind);
  if (!k.generated_names) {
    // Rows match when their values do: no key to build.
    RowPointers a = first, b = second;
    std::sort(a.begin(), a.end(), values_less);
    std::sort(b.begin(), b.end(), values_less);
    return merge_left(a, b, values_less, [](const Row* row) { return row; });
  }
  using Keyed = std::pair<std::string, const Row*>;
  auto keyed = [&](const RowPointers& rows) {
    std::vector<Keyed> out;
    out.reserve(rows.size());
    for (const Row* row : rows) out.emplace_back(comparison_key(k, *row), row);
    std::sort(out.begin(), out.end(), [](const Keyed& a, const Keyed& b) {
      return a.first != b.first ? a.first < b.first : a.second->values < b.second->values;
    });
    return out;
  };
  return merge_left(
      keyed(first), keyed(second), [](const Keyed& a, const Keyed& b) { return a.first < b.first; },
      [](const Keyed& item) { return item.second; });
}

CheckResult to_result(Kind kind, RowPointers removed, RowPointers added) {
  CheckResult result{kind, {}};
  append_sorted_unique(removed, DiffType::removed, result.differences);
  append_sorted_unique(added, DiffType::added, result.differences);
  return result;
}

void request(const RowPointers& rows, Definitions& into) {
  for (const Row* row : rows) {
    if (row->deferred != 0) into.emplace(row->deferred, std::nullopt);
  }
}

// Copies of the rows with their definitions in place of their fingerprints.
std::vector<Row> resolved(const RowPointers& rows, Kind kind, const Definitions& definitions) {
  std::vector<Row> out;
  out.reserve(rows.size());
  const std::size_t column = deferred_column(kind);
  for (const Row* row : rows) {
    Row copy = *row;
    if (copy.deferred != 0) {
      auto found = definitions.find(copy.deferred);
      copy.values.at(column) = found != definitions.end() ? found->second : std::nullopt;
      copy.deferred = 0;
    }
    out.push_back(std::move(copy));
  }
  return out;
}

RowPointers pointers(const std::vector<Row>& rows) {
  RowPointers out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(&row);
  return out;
}

bool any_deferred(const RowPointers& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const Row* r) { return r->deferred != 0; });
}

}  // namespace

CheckResult compare_rows(Kind kind, const std::vector<const Row*>& first,
                         const std::vector<const Row*>& second) {
  auto [removed, added] = unmatched(kind, first, second);
  return to_result(kind, std::move(removed), std::move(added));
}

std::vector<CheckResult> compare(const Snapshot& first, const Snapshot& second,
                                 const CompareOptions& options, const Resolver& resolve) {
  bool with_views =
      std::find(options.kinds.begin(), options.kinds.end(), Kind::views) != options.kinds.end();
  std::set<std::string> common_tables = intersection(first.tables, second.tables);
  std::set<std::string> common_relations = common_tables;
  if (with_views) {
    auto views = intersection(first.views, second.views);
    common_relations.insert(views.begin(), views.end());
  }
  const bool trust_fingerprints = first.fingerprints && second.fingerprints &&
                                  first.server_version_num == second.server_version_num;

  // First phase: what is left of each kind after matching (fingerprints included).
  std::vector<std::pair<RowPointers, RowPointers>> left;
  left.reserve(options.kinds.size());
  DefinitionRequests requests;
  for (Kind kind : options.kinds) {
    const std::set<std::string>* only = nullptr;
    if (kind == Kind::columns) only = &common_relations;
    if (kind == Kind::constraints || kind == Kind::indexes) only = &common_tables;
    RowPointers a = rows_to_compare(first, kind, options, only);
    RowPointers b = rows_to_compare(second, kind, options, only);
    if (trust_fingerprints || !(any_deferred(a) || any_deferred(b))) {
      left.push_back(unmatched(kind, a, b));
    } else {
      left.emplace_back(std::move(a), std::move(b));
    }
    request(left.back().first, requests.first[kind]);
    request(left.back().second, requests.second[kind]);
  }

  // Second phase: the definitions of the rows left with a fingerprint, and a second match.
  bool needed = false;
  for (const auto& [kind, definitions] : requests.first) needed = needed || !definitions.empty();
  for (const auto& [kind, definitions] : requests.second) needed = needed || !definitions.empty();
  if (needed) {
    if (!resolve) throw std::logic_error("check: fingerprints to resolve but no resolver");
    resolve(requests);
  }
  std::vector<CheckResult> results;
  results.reserve(options.kinds.size());
  for (std::size_t i = 0; i < options.kinds.size(); ++i) {
    Kind kind = options.kinds[i];
    auto& [a, b] = left[i];
    if (!any_deferred(a) && !any_deferred(b)) {
      results.push_back(to_result(kind, std::move(a), std::move(b)));
      continue;
    }
    std::vector<Row> ra = resolved(a, kind, requests.first[kind]);
    std::vector<Row> rb = resolved(b, kind, requests.second[kind]);
    auto [removed, added] = unmatched(kind, pointers(ra), pointers(rb));
    results.push_back(to_result(kind, std::move(removed), std::move(added)));
  }
  return results;
}

std::vector<Kind> select_kinds(const std::vector<std::string>& ignore,
                               const std::vector<std::string>& include) {
  std::set<Kind> ignored, included;
  for (const auto& key : ignore) {
    auto kind = kind_from_key(key);
    if (!kind || info(*kind).extra) {
      throw usage_error(fmt::format("-i/--ignore: unknown check '{}' (choose from {})", key,
                                    fmt::join(check_keys(), ", ")));
    }
    ignored.insert(*kind);
  }
  for (const auto& key : include) {
    if (key == "all") {
      for (const auto& k : all_kinds()) {
        if (k.extra) included.insert(k.kind);
      }
      continue;
    }
    auto kind = kind_from_key(key);
    if (!kind || !info(*kind).extra) {
      throw usage_error(fmt::format("--include: unknown kind '{}' (choose from {})", key,
                                    fmt::join(extra_keys(), ", ")));
    }
    included.insert(*kind);
  }
  std::vector<Kind> kinds;
  for (const auto& k : all_kinds()) {
    if (k.extra ? included.count(k.kind) != 0 : ignored.count(k.kind) == 0) kinds.push_back(k.kind);
  }
  return kinds;
}

}  // namespace pum::check
