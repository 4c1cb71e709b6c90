#pragma once
// Pure comparison of two snapshots, check by check: rows only in the first database
// are "removed", rows only in the second "added". Rows are matched by content (pum compares
// sets of rows); constraint, index and sequence rows ignore the numbers PostgreSQL appends to
// generated names (generated_names.hpp). Columns, constraints and indexes are compared for the
// tables present in both databases only, as pum does, so a missing table is one difference and
// not one per column.
//
// Two phases (fingerprint.hpp): rows holding fingerprints are matched by them first; the rows
// left over get PostgreSQL's definitions through the Resolver and are matched again. Removing
// equal rows from both sides does not change what is left of a multiset difference, so the
// result is the one comparing every definition would give.
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pum/check/report.hpp"
#include "pum/check/snapshot.hpp"

namespace pum::check {

struct CompareOptions {
  std::vector<Kind> kinds;                          // what to compare, in report order
  std::vector<std::string> exclude_field_patterns;  // -P: LIKE patterns on column names
  std::set<std::string> exclude_relations;  // relation_key()s left out of every check (drift)
  // Leave out every table named pum_migrations (in any schema) with what belongs to it: the
  // tracking table differs between pum versions (its pum_version default) and is not the
  // module's structure.
  bool exclude_migrations_tables = false;
};

// The second phase: per kind, the OIDs whose definitions are needed (map keys, set by compare)
// and the definitions (values, set by the resolver), for each side.
using Definitions = std::map<std::uint32_t, Value>;
struct DefinitionRequests {
  std::map<Kind, Definitions> first, second;
};
using Resolver = std::function<void(DefinitionRequests&)>;

// Fingerprints decide only when both snapshots hold them and come from the same server version;
// otherwise every deferred definition is resolved. `resolve` may be empty when no row holds a
// fingerprint (std::logic_error otherwise).
std::vector<CheckResult> compare(const Snapshot& first, const Snapshot& second,
                                 const CompareOptions& options, const Resolver& resolve = {});

// One kind, rows without fingerprints: rows of each side already filtered. Duplicate rows count
// once in the report.
CheckResult compare_rows(Kind kind, const std::vector<const Row*>& first,
                         const std::vector<const Row*>& second);

// The key two rows are matched on.
std::string comparison_key(const KindInfo& kind, const Row& row);

// The kinds to run for `-i` (keys of the nine checks to leave out) and `--include` (extra kinds,
// or "all"), in report order. Throws pum::Error (usage) on an unknown key.
std::vector<Kind> select_kinds(const std::vector<std::string>& ignore,
                               const std::vector<std::string>& include);

}  // namespace pum::check
