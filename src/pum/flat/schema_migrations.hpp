#pragma once
// The flat layout's tracking: pgdbm's `schema_migrations` table (or another name), created,
// read and written exactly as pgdbm 0.4 does, so that pum and a service using pgdbm can take
// turns on one database. All SQL about this table is in schema_migrations_sql.cpp.
//
// Where it lives: pgdbm writes `<schema>.schema_migrations` without quotes, so PostgreSQL folds
// the names to lower case; we name the same table. Without a schema pgdbm leaves the name
// unqualified (the first schema of the search_path); we use `public`.
//
// Whose rows: a module (pgdbm's module_name) sees its own rows and rows without a module, as
// pgdbm reads them. The module defaults to the schema, else "default".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/layout/layout.hpp"

namespace pum::flat {

struct TrackingOptions {
  std::optional<std::string> schema;  // pgdbm's schema (templates and the table's schema)
  std::string table = "schema_migrations";
  std::string module;  // empty: the schema, else "default"
};

// pgdbm's default: the schema, else "default".
std::string default_module(const std::optional<std::string>& schema);

// One row as `history` shows it.
struct HistoryRow {
  std::string filename;
  std::string module;  // empty when NULL
  std::string applied_at;
  std::string applied_by;
  std::optional<std::int64_t> execution_ms;
};

class FlatTracking : public layout::Tracking {
 public:
  // Throws a usage error (exit 2) when the schema or the table is not a simple identifier
  // ([a-zA-Z_][a-zA-Z0-9_]{0,62}).
  FlatTracking(db::Connection& conn, TrackingOptions options);

  [[nodiscard]] std::string display_name() const override;
  bool exists() override;
  // CREATE SCHEMA IF NOT EXISTS (pgdbm leaves that to the application), then the table and its
  // index as pgdbm 0.4 creates them.
  void create() override;
  // The module's rows (and rows without a module), by id. Throws pum::Error for a file name that
  // is not a migration file name (naming the row).
  std::vector<layout::AppliedMigration> read() override;
  // INSERT (filename, checksum, module_name, execution_time_ms), values as literals; pgdbm
  // records at least 1 ms. A baseline (record.migration == nullptr) is refused: this layout has
  // none.
  [[nodiscard]] std::string record_sql(const layout::Record& record) const override;
  // pgdbm's lock: a session lock on hashtext('pgdbm_migration_' || module), as
  // pg_advisory_lock(int8) sees it (the value is computed by the server on the first call).
  [[nodiscard]] layout::LockSpec lock() const override;
  // DELETE of the row (filename and module_name, NULL for a row without a module), values as
  // literals: pgdbm keeps no trace of an undone file, so neither do we.
  [[nodiscard]] std::string unrecord_sql(const layout::AppliedMigration& row) const override;

  // The module's rows, newest first (applied_at, then id), at most `limit` when given.
  std::vector<HistoryRow> history(std::optional<int> limit);

  // Accepts an intended edit of an applied file: in one transaction, stores `new_checksum` in the
  // module's row of `filename` (which must still hold `old_checksum`) and appends who
  // (current_user), when, why and both checksums to the audit table `<table>_audit` (created
  // when missing, beside the table). Throws pum::Error when no such row holds `old_checksum`.
  void accept_checksum(const std::string& filename, const std::string& old_checksum,
                       const std::string& new_checksum, const std::string& reason);

  [[nodiscard]] std::string audit_display_name() const;
  [[nodiscard]] const std::string& module() const { return module_; }
  [[nodiscard]] const std::optional<std::string>& schema() const { return options_.schema; }

 private:
  [[nodiscard]] std::string qualified() const;
  [[nodiscard]] std::string qualified_audit() const;
  db::Connection& conn_;
  TrackingOptions options_;
  std::string module_;
  std::string schema_name_;  // where the table is: the schema folded to lower case, or public
  std::string table_name_;   // the table folded to lower case
  mutable std::optional<std::int64_t> lock_key_;
};

}  // namespace pum::flat
