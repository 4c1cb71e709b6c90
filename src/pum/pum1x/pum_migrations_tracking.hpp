#pragma once
// The pum 1.x layout's tracking: <schema>.pum_migrations, one row per version (see
// src/pum/history for the table itself), seen through the Tracking interface.
#include <string>
#include <vector>

#include "pum/history/migrations_table.hpp"
#include "pum/layout/layout.hpp"

namespace pum::pum1x {

class PumMigrationsTracking : public layout::Tracking {
 public:
  PumMigrationsTracking(db::Connection& conn, std::string schema);

  [[nodiscard]] std::string display_name() const override { return table_.display_name(); }
  bool exists() override { return table_.exists(); }
  void create() override { table_.create(); }
  // Throws pum::Error for a row whose version is not a version.
  std::vector<layout::AppliedMigration> read() override;
  [[nodiscard]] std::string record_sql(const layout::Record& record) const override;
  [[nodiscard]] layout::LockSpec lock() const override;
  // Deletes the version's row: pum 1.8 then reads the database as if it never ran.
  [[nodiscard]] std::string unrecord_sql(const layout::AppliedMigration& row) const override;

  history::MigrationsTable& table() { return table_; }

 private:
  history::MigrationsTable table_;
};

// A row of pum_migrations as the engine sees it (key = normalised version).
layout::AppliedMigration to_applied(const history::MigrationRow& row,
                                    const std::string& table_name);

}  // namespace pum::pum1x
