#include "pum/pum1x/pum_migrations_tracking.hpp"

#include <fmt/format.h>

#include "pum/util/error.hpp"

namespace pum::pum1x {

PumMigrationsTracking::PumMigrationsTracking(db::Connection& conn, std::string schema)
    : table_(conn, std::move(schema)) {}

layout::AppliedMigration to_applied(const history::MigrationRow& row,
                                    const std::string& table_name) {
  auto version = Version::parse(row.version);
  if (!version) {
    throw Error(
        fmt::format("{} holds a version that is not a version: '{}'", table_name, row.version))
        .hint("fix or delete that row by hand; pum records versions as X.Y or X.Y.Z");
  }
  layout::AppliedMigration applied;
  applied.version = *version;
  applied.version_text = row.version;
  applied.key = version->str();
  applied.name = row.version;
  applied.module = row.module;
  applied.beta_testing = row.beta_testing;
  applied.applied_at = row.date_installed;
  applied.files = row.changelog_files;
  applied.parameters = row.parameters;
  // A manual baseline records no file and no parameter.
  applied.baseline = row.changelog_files.empty() && row.parameters.empty();
  return applied;
}

std::vector<layout::AppliedMigration> PumMigrationsTracking::read() {
  std::vector<layout::AppliedMigration> out;
  for (const auto& row : table_.read_all()) out.push_back(to_applied(row, display_name()));
  return out;
}

std::string PumMigrationsTracking::record_sql(const layout::Record& record) const {
  return table_.insert_sql(history::NewRow{record.module, record.version.str(), record.beta_testing,
                                           record.files, record.parameters});
}

std::string PumMigrationsTracking::unrecord_sql(const layout::AppliedMigration& row) const {
  return table_.delete_sql(row.version_text);
}

layout::LockSpec PumMigrationsTracking::lock() const { return db::migration_lock(table_.schema()); }

}  // namespace pum::pum1x
