#pragma once
// The pum 1.x layout's source: the version directories of <module>/<changelogs_directory>
// (src/pum/changelog), each a migration whose key is its normalised version.
#include <filesystem>
#include <string>
#include <vector>

#include "pum/layout/layout.hpp"

namespace pum::pum1x {

class ChangelogSource : public layout::MigrationSource {
 public:
  ChangelogSource(std::filesystem::path module_dir, std::string changelogs_directory);

  [[nodiscard]] std::string display() const override { return changelogs_directory_; }
  // The version directories, not their files: a no-op upgrade over 1,000 versions reads no more.
  std::vector<Migration> list() override;
  void read(Migration& migration) override;

 private:
  std::filesystem::path module_dir_;
  std::string changelogs_directory_;
};

// Sets the key and name of a version directory's migration (both its normalised version).
void name_migration(Migration& migration);

}  // namespace pum::pum1x
