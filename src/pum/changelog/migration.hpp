#pragma once
// One migration — the unit a project layout applies and records — described independently of
// where it was read from:
//   - pum 1.x changelogs: a version directory (changelogs/1.2.3/) and its .sql files;
//   - pum 0.x deltas: one delta file (delta_0.5.0_001_name.sql, .pre.sql, .py ...);
//   - flat numbered files: one file (001_name.sql, V2__name.sql, 20240126120000_name.sql).
// The planner and the executor only see this (and the interfaces of src/pum/layout).
#include <filesystem>
#include <string>
#include <vector>

#include "pum/changelog/version.hpp"

namespace pum {

struct MigrationFile {
  std::filesystem::path path;  // absolute; what the executor reads
  // Relative to the module directory, '/'-separated, e.g. "changelogs/1.2.3/01_x.sql": what logs
  // and error messages show and what pum_migrations.changelog_files records.
  std::string display;
  // A Python file (a pum 0.x .py delta) instead of SQL.
  bool python = false;
  // False for a file that must run outside a transaction (flat layout: a `-- pgdbm:no-transaction`
  // line, or a statement such as CREATE INDEX CONCURRENTLY).
  bool transactional = true;
};

struct Migration {
  // The version it brings the database to. Flat files: the number of the name (001 -> 1).
  Version version;
  // How the user wrote it: the directory name "v1.2.3", the file name "001_init.sql".
  std::string label;
  // Its descriptive name, for logs and hooks: "001_drop_started_at_column" (a delta), "init"
  // (a flat file); the version text for a pum 1.x version directory.
  std::string name;
  // Layout-specific sub-kind, e.g. a delta's "pre.sql", "sql", "post.py"; empty when none.
  std::string kind;
  // The identity the tracking table records it under, unique within a source: the version (pum
  // 1.x), "version|name|type" (pum 0.x), the file name (flat).
  std::string key;
  std::filesystem::path dir;  // absolute directory holding it
  std::string display;  // how messages name it, e.g. "changelogs/1.2.3", "migrations/001_a.sql"
  // Whether `files`, `app_only` and `checksum` have been read (MigrationSource::read).
  bool listed = false;
  // Executed in this order. Empty iff app_only.
  std::vector<MigrationFile> files;
  // Runs no SQL, still gets its row (a pum 1.x APP_ONLY_RELEASE version).
  bool app_only = false;
  // What undoes it, in this order (`pum rollback`): NNN_name.down.sql beside a flat file, the
  // down/ directory of a pum 1.x version, delta_X.Y.Z_name.down.sql beside a delta. Filled by
  // MigrationSource::read; empty when the migration has none.
  std::vector<MigrationFile> down_files;
  // What the tracking table stores to detect an edited file: MD5 hex (pum 0.x), SHA-256 hex of
  // the normalised text (flat); empty for pum 1.x, whose table stores none.
  std::string checksum;
};

}  // namespace pum
