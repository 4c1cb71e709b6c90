#pragma once
// The version-directory layout of pum 1.x:
//
//   <module_dir>/<changelogs_directory>/
//       1.0.0/  01_schema.sql 02_tables.sql
//       1.0.1/  01_rename.sql
//       1.1.0/  APP_ONLY_RELEASE
//
// Every sub-directory is a version; its .sql files run in byte order of their names.
// Everything that pum 1.x would only discover half-way through an install (a directory that is
// not a version, a version that cannot be recorded, no version at all) is refused here, before
// anything touches the database.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pum/changelog/migration.hpp"
#include "pum/changelog/version.hpp"

namespace pum {

// The name of the marker file of an application-only release.
inline constexpr const char* kAppOnlyMarker = "APP_ONLY_RELEASE";

// Reads <module_dir>/<changelogs_directory> and returns its migrations in ascending version
// order. `changelogs_directory` is the `changelogs_directory` key of .pum.yaml (default
// "changelogs"), relative to module_dir (an absolute path is used as is).
//
// Throws pum::Error when:
//  - the changelogs directory does not exist, is not a directory, or is empty;
//  - a sub-directory name is not a PEP 440 version, or a version that cannot be recorded
//    (anything but X.Y / X.Y.Z: pre-releases, four numbers, epochs...);
//  - two sub-directories are the same version (1.2 and 1.2.0, 1.2.3 and v1.2.3);
//  - a version directory has no .sql file and no APP_ONLY_RELEASE marker, or has both;
//  - there is no version directory at all.
// Errors about one version directory carry its display path ("changelogs/1.0.0") as location.
//
// Rules where the spec is silent: directories whose name starts with '.' (.git, .svn, editor
// state) are not versions and are skipped; symbolic links are followed (a link to a directory
// is a version, a link to a file is a file, a dangling link is ignored); files are not read here
// — only listed — so a changelog too large or unreadable fails when it is executed.
std::vector<Migration> load_changelog_dir(const std::filesystem::path& module_dir,
                                          const std::string& changelogs_directory);

// The same, but only the version directories themselves: the errors about their names and
// duplicates are thrown, their content is not read (`listed` is false). A no-op upgrade over
// 1,000 versions needs no more, and listing every directory cost it ~7,000 system calls (~8 ms);
// the versions it will apply are then read with list_migration_files.
std::vector<Migration> load_changelog_versions(const std::filesystem::path& module_dir,
                                               const std::string& changelogs_directory);

// Lists the .sql files and the APP_ONLY_RELEASE marker of one version directory into `files`
// and `app_only`, with the errors load_changelog_dir lists for a version directory.
void list_migration_files(Migration& migration);

// The migrations with min <= version <= max (either bound optional), in the given order:
// pum's `min_version` (last_version, compare) and `--max-version` filters.
std::vector<const Migration*> select(const std::vector<Migration>& migrations,
                                     std::optional<Version> min, std::optional<Version> max);

}  // namespace pum
