#include "pum/pum1x/changelog_source.hpp"

#include <algorithm>

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
  // The down/ directory of a version holds its down scripts (pum 1.8 lists only the .sql files
  // directly in the version directory, so it never runs them), in byte order of their names.
  migration.down_files.clear();
  const std::filesystem::path down = migration.dir / "down";
  std::error_code ec;
  if (!std::filesystem::is_directory(down, ec)) return;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(down, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.ends_with(".sql") && entry.is_regular_file(ec)) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    MigrationFile file;
    file.path = down / name;
    file.display = changelogs_directory_ + "/" + migration.label + "/down/" + name;
    migration.down_files.push_back(std::move(file));
  }
}

}  // namespace pum::pum1x
