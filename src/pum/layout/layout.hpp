#pragma once
// The two interfaces the engine (src/pum/plan, src/pum/run) sees a project layout through:
//
//   MigrationSource — where migrations come from: list them in order, read one's files.
//   Tracking        — where applied ones are recorded: the tracking table (create, read, the
//                     SQL of a new row) and the advisory lock that serialises runs.
//
// Three layouts implement them (docs/layouts.md): pum 1.x changelogs + pum_migrations
// (src/pum/pum1x), pum 0.x delta files + the upgrades table (src/pum/delta), flat numbered files
// + schema_migrations (src/pum/flat). Adding a layout is one folder implementing both.
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/changelog/version.hpp"
#include "pum/db/advisory_lock.hpp"

namespace pum::layout {

class MigrationSource {
 public:
  virtual ~MigrationSource() = default;
  // How messages name the source: "changelogs", "delta", "migrations".
  [[nodiscard]] virtual std::string display() const = 0;
  // Every migration, in the order they apply (ascending version), their files not necessarily
  // read yet (`listed` false). Throws pum::Error, before anything touches the database, for a
  // name that is not a migration, a duplicate, an empty source.
  virtual std::vector<Migration> list() = 0;
  // Fills `files`, `app_only` and `checksum` of one migration (a no-op when `listed`). Called
  // only for the migrations a command runs or verifies.
  virtual void read(Migration& migration) = 0;
};

// One row of a tracking table, whatever its columns.
struct AppliedMigration {
  // Parsed from the stored text; rows whose version cannot be parsed are refused by read().
  Version version;
  std::string version_text;  // as stored
  // The key of the migration it records (Migration::key); empty for a baseline row.
  std::string key;
  std::string name;       // description / file name
  std::string kind;       // pum 0.x type, as a delta kind ("sql", "pre.sql", ...)
  std::string module;     // empty when the table has none or it is NULL
  std::string checksum;   // empty when the table stores none
  bool baseline = false;  // a row recording a version without running it
  bool beta_testing = false;
  bool success = true;     // pum 0.x rows have a success flag; others are always true
  std::string applied_at;  // as the server prints it
  std::string applied_by;
  std::optional<std::int64_t> execution_ms;
  std::vector<std::string> files;  // pum 1.x changelog_files
  nlohmann::json parameters = nlohmann::json::object();
};

// What a run records: an applied migration, or (migration == nullptr) a baseline.
struct Record {
  const Migration* migration = nullptr;
  Version version;  // the migration's version, or the baseline's
  std::string module;
  bool beta_testing = false;
  nlohmann::json parameters = nlohmann::json::object();
  std::int64_t execution_ms = 0;
  std::vector<std::string> files;  // display paths of what ran
};

// The advisory lock a layout's runs take, so that two runs (ours, or the original tool's, which
// takes the same key) on one database serialise.
using LockSpec = db::LockSpec;

class Tracking {
 public:
  virtual ~Tracking() = default;
  // "public.pum_migrations", "public.pum", "app.schema_migrations".
  [[nodiscard]] virtual std::string display_name() const = 0;
  // Through pg_catalog, so that privileges do not hide it.
  virtual bool exists() = 0;
  // Creates the table (and its schema when needed), exactly as the original tool does.
  virtual void create() = 0;
  // Every row this module may see (flat: the module's rows), in no particular order.
  virtual std::vector<AppliedMigration> read() = 0;
  // The SQL that records `record`, values as escaped literals: it travels in one message with
  // the next migration's SQL.
  [[nodiscard]] virtual std::string record_sql(const Record& record) const = 0;
  [[nodiscard]] virtual LockSpec lock() const = 0;
  // The SQL that forgets an applied migration after `pum rollback` undid it (deletes its row, or
  // marks it, as the table's format allows), values as escaped literals. Layouts without
  // rollback keep the default, which throws.
  [[nodiscard]] virtual std::string unrecord_sql(const AppliedMigration& row) const;
};

}  // namespace pum::layout
