#pragma once
// The flat layout's source: the `*.sql` files directly in one directory (no recursion, hidden
// files and other extensions ignored), each file one migration, named as flat_name.hpp says and
// applied in the order of their numbers. `NNN_name.down.sql` beside `NNN_name.sql` is not a
// migration: it is the down script that undoes it (`pum rollback`).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pum/layout/layout.hpp"

namespace pum::flat {

class FlatSource : public layout::MigrationSource {
 public:
  // `dir`: the migrations directory; `dir_display`: how messages name it (as the user gave it).
  FlatSource(std::filesystem::path dir, std::string dir_display);

  [[nodiscard]] std::string display() const override { return "migrations"; }
  // Every migration in version order. Throws pum::Error when the directory is missing or holds
  // no migration, for a `.sql` name that is none of the accepted forms (naming the file and the
  // forms), for two files with the same number (naming both), and for a down script without its
  // migration (naming it).
  std::vector<Migration> list() override;
  // Fills `files` (the one file, `transactional` false when it must run outside a transaction)
  // `down_files` (NNN_name.down.sql when it exists; not read yet) and `checksum` (pgdbm's, of
  // the migration only). Throws pum::Error for an unreadable, empty, non-UTF-8 file, and
  // for a dbmate file with a `-- migrate:down` section (it would run the down part too).
  void read(Migration& migration) override;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] const std::string& dir_display() const { return dir_display_; }

 private:
  std::filesystem::path dir_;
  std::string dir_display_;
};

// The names of the `*.sql` files a flat source considers (regular, not hidden; down scripts
// included), unsorted, without checking them.
std::vector<std::string> sql_file_names(const std::filesystem::path& dir);

// True for `*.down.sql`: a down script, not a migration.
bool is_down_file_name(std::string_view name);
// The down script of a migration file: 001_init.sql -> 001_init.down.sql.
std::string down_file_name(std::string_view migration_file);

}  // namespace pum::flat
