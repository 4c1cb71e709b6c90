#include "pum/flat/flat_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "pum/flat/checksum.hpp"
#include "pum/flat/flat_name.hpp"
#include "pum/flat/no_transaction.hpp"
#include "pum/sql/script.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace fs = std::filesystem;

namespace pum::flat {

namespace {

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// A line comment `-- migrate:down` at a line start (dbmate's marker of the down section).
std::optional<std::size_t> dbmate_down_marker(const sql::Script& script) {
  constexpr std::string_view kDown = "-- migrate:down";
  const std::string& text = script.source.text();
  for (const auto& token : script.tokens) {
    if (token.kind != sql::TokenKind::line_comment) continue;
    if (token.begin > 0 && text[token.begin - 1] != '\n') continue;
    if (script.text(token).substr(0, kDown.size()) == kDown) return token.begin;
  }
  return std::nullopt;
}

constexpr std::string_view kDownSuffix = ".down.sql";

}  // namespace

bool is_down_file_name(std::string_view name) {
  return name.size() > kDownSuffix.size() &&
         name.substr(name.size() - kDownSuffix.size()) == kDownSuffix;
}

std::string down_file_name(std::string_view migration_file) {
  std::string out(migration_file.substr(0, migration_file.size() - 4));  // without ".sql"
  out += kDownSuffix;
  return out;
}

std::vector<std::string> sql_file_names(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".sql") != 0) continue;
    std::error_code type_ec;
    if (!fs::is_regular_file(it->path(), type_ec)) continue;  // follows symbolic links
    out.push_back(name);
  }
  return out;
}

FlatSource::FlatSource(fs::path dir, std::string dir_display)
    : dir_(std::move(dir)), dir_display_(std::move(dir_display)) {}

std::vector<Migration> FlatSource::list() {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) {
    throw Error(fmt::format("the migrations directory {} does not exist or is not a directory",
                            dir_display_));
  }
  const fs::path absolute = fs::absolute(dir_, ec);
  std::vector<std::string> names = sql_file_names(dir_);
  std::sort(names.begin(), names.end());
  // NNN_name.down.sql undoes NNN_name.sql: not a migration of its own.
  std::vector<std::string> downs;
  std::erase_if(names, [&](const std::string& file) {
    if (!is_down_file_name(file)) return false;
    downs.push_back(file);
    return true;
  });
  for (const auto& down : downs) {
    const std::string up = down.substr(0, down.size() - kDownSuffix.size()) + ".sql";
    if (!std::binary_search(names.begin(), names.end(), up)) {
      throw Error(fmt::format("the down script '{}' has no migration: {} does not exist", down,
                              join(dir_display_, up)),
                  SourceLocation{join(dir_display_, down)})
          .hint(
              "rename it after the migration it undoes (NNN_name.sql -> NNN_name.down.sql), "
              "or delete it");
    }
  }
  std::vector<Migration> out;
  for (const auto& file : names) {
    auto name = parse_flat_name(file);
    if (!name) {
      throw Error(
          fmt::format("'{}' is not a migration file name (expected {})", file, kAcceptedNames),
          SourceLocation{join(dir_display_, file)})
          .hint(
              "rename the file (its number decides when it runs; at most 18 digits), or move it "
              "out of the directory");
    }
    Migration m;
    m.version = name->version;
    m.label = file;
    m.name = name->name;
    m.key = file;
    m.dir = absolute;
    m.display = join(dir_display_, file);
    out.push_back(std::move(m));
  }
  if (out.empty()) {
    throw Error(fmt::format("no migration files in {}", dir_display_))
        .hint(fmt::format("migration files are named {}", kAcceptedNames));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      throw Error(fmt::format("{} and {} have the same number ({}): the order they run in would "
                              "be a guess",
                              out[i - 1].display, out[i].display, out[i].version.str()))
          .hint("renumber one of them");
    }
  }
  return out;
}

void FlatSource::read(Migration& migration) {
  if (migration.listed) return;
  const fs::path path = migration.dir / migration.label;
  SourceText source = SourceText::read(path, migration.display);
  check_text_encoding(source);
  migration.checksum = pgdbm_checksum(source.text());
  if (checksum_text(source.text()).empty()) {
    throw Error("the migration is empty", SourceLocation{migration.display})
        .hint("write its SQL, or delete the file");
  }
  const sql::Script script = sql::parse_script(std::move(source));
  if (auto down = dbmate_down_marker(script)) {
    throw Error(
        "dbmate's `-- migrate:down` section is not supported: pum would run it with the "
        "rest of the file",
        script.source.location(*down))
        .hint(fmt::format("move the down part to {}, pum's down script of this file",
                          down_file_name(migration.label)));
  }
  MigrationFile file;
  file.path = path;
  file.display = migration.display;
  file.transactional = !no_transaction_reason(script).has_value();
  migration.files = {std::move(file)};
  migration.down_files.clear();
  const std::string down_name = down_file_name(migration.label);
  std::error_code ec;
  if (fs::is_regular_file(migration.dir / down_name, ec)) {
    MigrationFile down;
    down.path = migration.dir / down_name;
    const std::string& display = migration.display;
    down.display = display.substr(0, display.size() - migration.label.size()) + down_name;
    migration.down_files.push_back(std::move(down));
  }
  migration.app_only = false;
  migration.listed = true;
}

}  // namespace pum::flat
