#pragma once
// One migration — one version of the module and the SQL files that bring a database to it —
// described independently of where it was read from (today: a version directory, see
// changelog_dir.hpp). The planner and the executor only see this.
#include <filesystem>
#include <string>
#include <vector>

#include "pum/changelog/version.hpp"

namespace pum {

struct MigrationFile {
  std::filesystem::path path;  // absolute; what the executor reads
  // Relative to the module directory, '/'-separated, e.g. "changelogs/1.2.3/01_x.sql": what logs
  // and error messages show and what pum_migrations.changelog_files records (decision Q14).
  std::string display;
};

struct Migration {
  Version version;  // always a plain release (X.Y or X.Y.Z): the only form pum can record
  // How the user wrote it, e.g. the directory name "v1.2.3" (version.str() is "1.2.3").
  std::string label;
  std::filesystem::path dir;  // absolute
  std::string display;        // how messages name the directory, e.g. "changelogs/1.2.3"
  // Whether `files` and `app_only` have been read from the directory (list_migration_files).
  bool listed = false;
  // Executed in this order, all in the command's one transaction. Empty iff app_only.
  std::vector<MigrationFile> files;
  // An application-only release (APP_ONLY_RELEASE marker): runs no SQL, still gets its row.
  bool app_only = false;
};

}  // namespace pum
