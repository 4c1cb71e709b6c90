#include "pum/plan/pending.hpp"

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "pum/util/error.hpp"

namespace pum::plan {

Pending plan_pending(const std::vector<Migration>& migrations,
                     const std::vector<layout::AppliedMigration>& applied,
                     const PendingOptions& options) {
  Pending pending;
  // Keys can repeat (a delta applied, its row kept, applied again by pum 0.9 after an edit):
  // the last row of a key is the one compared.
  std::unordered_map<std::string, const layout::AppliedMigration*> by_key;
  for (const auto& row : applied) {
    if (!row.success) continue;
    if (!pending.current || row.version > *pending.current) pending.current = row.version;
    if (!row.baseline) by_key[row.key] = &row;
  }
  std::unordered_set<std::string> known;
  for (const auto& m : migrations) {
    known.insert(m.key);
    auto it = by_key.find(m.key);
    if (it != by_key.end()) {
      const layout::AppliedMigration* row = it->second;
      if (m.listed && !m.checksum.empty() && !row->checksum.empty() &&
          m.checksum != row->checksum) {
        pending.changed.push_back({&m, row});
      }
      continue;
    }
    if (options.max_version && m.version > *options.max_version) continue;
    if (pending.current && m.version <= *pending.current) {
      // A migration of the current version itself is not "below" it: pum 0.x applies deltas
      // whose version is >= the current one.
      const bool same = m.version == *pending.current;
      switch (options.below_current) {
        case BelowCurrent::apply:
          break;
        case BelowCurrent::skip:
          if (!same) continue;
          break;
        case BelowCurrent::refuse:
          throw Error(fmt::format("{} is at or below the current version {} but was never applied",
                                  m.display, pending.current->str()))
              .hint(
                  "restore the rows of the tracking table, or move the migration to a new "
                  "version");
      }
    }
    pending.to_apply.push_back(&m);
  }
  for (const auto& row : applied) {
    auto it = by_key.find(row.key);
    if (it != by_key.end() && it->second == &row && !known.contains(row.key)) {
      pending.unknown_rows.push_back(&row);
    }
  }
  return pending;
}

}  // namespace pum::plan
