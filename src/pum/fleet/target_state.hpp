#pragma once
// Where a target stands, read on its own connection through the layout's interfaces: the
// version before and after a run (the table's "from" and "to"), and for `fleet info` the latest
// version on disk and how many migrations are pending.
#include <cstdint>
#include <optional>
#include <string>

#include "pum/layout/layout.hpp"
#include "pum/plan/pending.hpp"

namespace pum::fleet {

struct TargetState {
  std::optional<std::string> current;   // the highest applied version; none without a table/row
  std::optional<std::string> latest;    // the highest on disk (with a source)
  std::optional<std::int64_t> pending;  // migrations on disk not applied (with a source)
};

// Reads the tracking table (and lists the source when given: info). `below_current` as the
// layout plans: pum 1.x counts only versions above the current one, the flat layout every file
// without a row.
TargetState read_target_state(layout::Tracking& tracking, layout::MigrationSource* source,
                              plan::BelowCurrent below_current);

}  // namespace pum::fleet
