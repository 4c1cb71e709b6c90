#include "pum/fleet/target_state.hpp"

namespace pum::fleet {

TargetState read_target_state(layout::Tracking& tracking, layout::MigrationSource* source,
                              plan::BelowCurrent below_current) {
  TargetState state;
  std::vector<layout::AppliedMigration> rows;
  if (tracking.exists()) rows = tracking.read();
  std::optional<Version> current;
  for (const auto& row : rows) {
    if (row.success && (!current || *current < row.version)) current = row.version;
  }
  if (current) state.current = current->str();
  if (source == nullptr) return state;
  const std::vector<Migration> migrations = source->list();
  if (!migrations.empty()) state.latest = migrations.back().version.str();
  std::int64_t pending = 0;
  if (below_current == plan::BelowCurrent::apply) {
    pending = static_cast<std::int64_t>(
        plan::plan_pending(migrations, rows, {std::nullopt, plan::BelowCurrent::apply})
            .to_apply.size());
  } else {
    for (const auto& m : migrations) {
      if (!current || *current < m.version) ++pending;
    }
  }
  state.pending = pending;
  return state;
}

}  // namespace pum::fleet
