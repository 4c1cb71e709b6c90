#include "pum/pum1x/changelog_source.hpp"

#include "pum/changelog/changelog_dir.hpp"

namespace pum::pum1x {

ChangelogSource::ChangelogSource(std::filesystem::path module_dir, std::string changelogs_directory)
    : module_dir_(std::move(module_dir)), changelogs_directory_(std::move(changelogs_directory)) {}

std::vector<Migration> ChangelogSource::list() {
  std::vector<Migration> migrations = load_changelog_versions(module_dir_, changelogs_directory_);
  for (auto& m : migrations) name_migration(m);
  return migrations;
}

void name_migration(Migration& migration) {
  migration.key = migration.version.str();
  migration.name = migration.version.str();
}

void ChangelogSource::read(Migration& migration) {
  if (!migration.listed) list_migration_files(migration);
}

}  // namespace pum::pum1x
