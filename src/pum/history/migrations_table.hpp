#pragma once
// The pum_migrations table of pum 1.x (layout v3), read and written exactly as pum 1.8 does so
// that either tool can continue what the other started. Layouts v1 and v2 are read as they are
// and upgraded to v3 in place before the first write. All of its SQL lives in
// migrations_table.cpp.
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/history/migration_row.hpp"

namespace pum::history {

inline constexpr int kCurrentLayout = 3;

// The pum_version we write: "<pum compatibility level>+native.<our version>", a valid PEP 440
// local version that pum 1.8 can parse.
std::string pum_version_string();

class MigrationsTable {
 public:
  MigrationsTable(db::Connection& conn, std::string schema);

  [[nodiscard]] const std::string& schema() const { return schema_; }
  // "schema.pum_migrations" for messages.
  [[nodiscard]] std::string display_name() const;

  // Through pg_catalog, so privileges do not hide it.
  bool exists();
  // Schemas other than ours holding a pum_migrations table.
  std::vector<std::string> other_schemas();
  // Every schema holding a pum_migrations table, in name order.
  static std::vector<std::string> all_schemas(db::Connection& conn);
  // 1, 2 or 3 (from the columns present).
  int layout();

  // CREATE SCHEMA (unless public) + CREATE TABLE + COMMENT, layout v3.
  void create();
  // v1/v2 -> v3 in place; no-op on v3. `module` fills NULL modules of v1 rows.
  void upgrade_layout(const std::string& module);

  // Every row (any layout), in insertion-independent order: callers sort by version.
  std::vector<MigrationRow> read_all();

  void insert(const NewRow& row);
  // Deletes the rows of a version (as stored), after `pum rollback` undid it.
  [[nodiscard]] std::string delete_sql(const std::string& version) const;
  // The INSERT of insert(row) as one SQL text with the values as escaped literals, for a caller
  // that sends it in the same round trip as other statements.
  [[nodiscard]] std::string insert_sql(const NewRow& row) const;

 private:
  db::Connection& conn_;
  std::string schema_;
  std::string qualified_;  // quoted schema.pum_migrations
  int layout_ = 0;         // cached after the first layout() call
};

}  // namespace pum::history
