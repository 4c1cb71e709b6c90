#pragma once
// The pum 0.x layout's tracking: the upgrades table (`--table schema.name`, usually public.pum),
// created and written exactly as pum 0.9.14 does, so that pum 0.x and this pum can take turns on
// one database. All SQL about this table is in upgrades_table.cpp.
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/layout/layout.hpp"

namespace pum::delta {

// "schema.name" split on its first '.'; throws a usage error (exit 2) when there is none or a
// part is empty (pum 0.x fails on such a name too).
struct TableName {
  std::string schema;
  std::string name;
  static TableName parse(const std::string& text);
  [[nodiscard]] std::string display() const { return schema + "." + name; }
};

// One row as pum 0.x's `info` shows it.
struct UpgradeRow {
  std::string version;
  std::string description;
  int type = 0;
  std::string installed_by;
  std::string installed_on;  // as pum 0.x prints a timestamp: "2024-01-02 03:04:05.123456"
  bool success = true;
};

class UpgradesTable : public layout::Tracking {
 public:
  UpgradesTable(db::Connection& conn, TableName table);

  [[nodiscard]] std::string display_name() const override { return table_.display(); }
  bool exists() override;
  // CREATE TABLE IF NOT EXISTS as pum 0.9.14 writes it (and CREATE SCHEMA IF NOT EXISTS first,
  // which pum 0.x does not do).
  void create() override;
  // Every row (ordered by id). Throws pum::Error for a version that is not a version.
  std::vector<layout::AppliedMigration> read() override;
  // A delta's row: (version, name, type, the path as given, MD5, session_user, 1, TRUE); a
  // baseline's (record.migration == nullptr): (version, 'baseline', 0, '', '', session_user, 1,
  // TRUE).
  [[nodiscard]] std::string record_sql(const layout::Record& record) const override;
  // A session lock (this layout commits more than once per run) on ("pum0", FNV-1a of
  // "schema.name"): runs of this pum on one table serialise; pum 0.x itself takes no lock.
  [[nodiscard]] layout::LockSpec lock() const override;
  // After a rollback: marks the delta's successful rows success = FALSE rather than deleting
  // them, so that the table keeps its history; pum 0.x (and this pum) count only successful
  // rows as applied, so the delta is pending again and a new upgrade adds a new row.
  [[nodiscard]] std::string unrecord_sql(const layout::AppliedMigration& row) const override;

  // The rows in table order, for `info`.
  std::vector<UpgradeRow> rows();

  [[nodiscard]] const TableName& table() const { return table_; }

 private:
  [[nodiscard]] std::string qualified() const;
  db::Connection& conn_;
  TableName table_;
};

// The key of a row (empty for a baseline row): "version|description|type", as Migration::key.
std::string row_key(const std::string& normalised_version, const std::string& description,
                    int type);

}  // namespace pum::delta
