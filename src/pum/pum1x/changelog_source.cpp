#include "pum/pum1x/changelog_source.hpp"

#include "pum/changelog/changelog_dir.hpp"

namespace pum::pum1x {

ChangelogSource::ChangelogSource(std::filesystem::path module_dir, std::string changelogs_directory)
    : module_dir_(std::move(module_dir)), changelogs_directory_(std::move(changelogs_directory)) {}

std::vector<Migration> ChangelogSource::list() {
  return load_changelog_versions(module_dir_, changelogs_directory_);
}

void ChangelogSource::read(Migration& migration) {
  if (!migration.listed) list_migration_files(migration);
}

}  // namespace pum::pum1x
