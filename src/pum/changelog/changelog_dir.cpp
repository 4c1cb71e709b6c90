#include "pum/changelog/changelog_dir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <utility>

namespace pum {
namespace fs = std::filesystem;
namespace {

SourceLocation located(std::string file) {
  SourceLocation location;
  location.file = std::move(file);
  return location;
}

bool ends_with_sql(const std::string& name, bool any_case) {
  if (name.size() < 4) return false;
  const std::string_view tail = std::string_view(name).substr(name.size() - 4);
  if (!any_case) return tail == ".sql";
  std::string lower(tail);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower == ".sql";
}

// How the changelogs directory is shown: relative to the module directory when it is inside it
// ("changelogs", "db/changelogs"), absolute otherwise.
std::string display_of(const fs::path& module_abs, const fs::path& changelogs_abs) {
  fs::path shown = changelogs_abs.lexically_relative(module_abs);
  if (shown.empty() || *shown.begin() == "..") shown = changelogs_abs;
  std::string text = shown.generic_string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

// "changelogs" + "1.2.3" → "changelogs/1.2.3"; a changelogs directory that is the module
// directory itself adds no prefix.
std::string join(const std::string& shown, const std::string& name) {
  return shown == "." ? name : shown + "/" + name;
}

[[noreturn]] void cannot_read(const std::string& what, const std::string& display,
                              const std::error_code& ec) {
  throw Error(fmt::format("cannot read {} '{}': {}", what, display, ec.message()),
              located(display));
}

// A sub-directory of the changelogs directory, before its content is read.
struct Candidate {
  std::string name;
  fs::path path;
};

// Lists the version-directory candidates; throws if the directory is missing or empty.
std::vector<Candidate> list_candidates(const fs::path& dir, const std::string& shown,
                                       const std::string& configured) {
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) {
    throw Error(
        fmt::format("changelogs directory '{}' does not exist (looked in {})", shown, dir.string()))
        .hint(fmt::format(
            "the changelogs directory is read relative to the module directory (-d, or the "
            "directory of the -c config file); set changelogs_directory in .pum.yaml if yours is "
            "not called '{}'",
            configured));
  }
  if (ec) cannot_read("changelogs directory", shown, ec);
  if (!fs::is_directory(status)) {
    throw Error(
        fmt::format("changelogs directory '{}' is not a directory ({})", shown, dir.string()))
        .hint(
            "set changelogs_directory in .pum.yaml to the directory holding the version "
            "directories");
  }

  std::vector<Candidate> candidates;
  bool empty = true;
  fs::directory_iterator it(dir, ec);
  if (ec) cannot_read("changelogs directory", shown, ec);
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    empty = false;
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    // Hidden directories (.git, .svn, editor state) are not versions.
    if (name.empty() || name.front() == '.') continue;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) candidates.push_back({std::move(name), entry.path()});
  }
  if (ec) cannot_read("changelogs directory", shown, ec);
  if (empty) {
    throw Error(fmt::format("changelogs directory '{}' is empty ({})", shown, dir.string()))
        .hint(fmt::format(
            "add one directory per version, named after it, holding that version's .sql files, "
            "e.g. {}/1.0.0/01_schema.sql",
            shown));
  }
  if (candidates.empty()) {
    throw Error(
        fmt::format("no version directory in changelogs directory '{}' ({})", shown, dir.string()))
        .hint(fmt::format(
            "add one directory per version, named after it, holding that version's .sql files, "
            "e.g. {}/1.0.0/01_schema.sql (directories starting with '.' are ignored)",
            shown));
  }
  // Deterministic error reporting whatever order the file system lists entries in.
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.name < b.name; });
  return candidates;
}

Version version_of(const Candidate& candidate, const std::string& shown) {
  const std::string where = join(shown, candidate.name);
  auto parsed = Version::parse(candidate.name);
  if (!parsed) {
    throw Error(fmt::format("version directory '{}' is not a version: {}", candidate.name,
                            parsed.error().message()),
                located(where))
        .hint(fmt::format(
            "every sub-directory of '{}' is a version: rename it like 1.2.3, or move it out of "
            "the changelogs directory (directories starting with '.' are ignored)",
            shown));
  }
  if (!parsed->is_plain_release()) {
    throw Error(fmt::format("version directory '{}' cannot be recorded: pum records versions as "
                            "X.Y or X.Y.Z",
                            candidate.name),
                located(where))
        .hint(
            "rename it like 1.2.3: pre-releases (rc1, a1, b1), post and dev releases, epochs "
            "(N!), local versions (+x) and versions of one or more than three numbers are not "
            "supported");
  }
  return std::move(parsed).value();
}

}  // namespace

void list_migration_files(Migration& m) {
  const std::string& where = m.display;
  bool marker = false;
  std::vector<std::string> other_case;  // names ending in .SQL, .Sql... (ignored, as pum)
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(m.dir, ec);
  if (ec) cannot_read("version directory", where, ec);
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (name == kAppOnlyMarker) {
      marker = !entry.is_directory(type_ec);
    } else if (ends_with_sql(name, true) && entry.is_regular_file(type_ec)) {
      (ends_with_sql(name, false) ? names : other_case).push_back(std::move(name));
    } else if (ends_with_sql(name, false) && entry.is_symlink(type_ec) && !entry.exists(type_ec)) {
      // Skipping it would record the version as applied without this file's SQL.
      std::error_code link_ec;
      fs::path target = fs::read_symlink(entry.path(), link_ec);
      throw Error(fmt::format("the changelog file is a broken symbolic link ({} does not exist)",
                              target.string()),
                  located(join(where, name)))
          .hint("restore the file the link points to, or remove the link");
    }
  }
  if (ec) cannot_read("version directory", where, ec);

  if (marker && !names.empty()) {
    throw Error(fmt::format("version directory '{}' contains both an {} marker and .sql files",
                            m.label, kAppOnlyMarker),
                located(where))
        .hint(fmt::format(
            "an application-only release runs no SQL: remove {} if this version changes the "
            "database, or move its .sql files to another version",
            kAppOnlyMarker));
  }
  if (!marker && names.empty()) {
    Error error(fmt::format("version directory '{}' contains no .sql file and no {} marker",
                            m.label, kAppOnlyMarker),
                located(where));
    if (!other_case.empty()) {
      std::sort(other_case.begin(), other_case.end());
      error.hint(fmt::format(
          "'{}' is ignored: only names ending in '.sql' (lower case) are executed", other_case[0]));
    }
    error.hint(fmt::format(
        "add this version's .sql files, or, for a release that only changes the application "
        "(hooks), add an empty file named {}",
        kAppOnlyMarker));
    throw error;
  }

  m.app_only = marker;
  // Byte order of the names, as pum 1.x sorts paths: "B.sql" < "a.sql", "10_x.sql" < "2_x.sql".
  std::sort(names.begin(), names.end());
  m.files.reserve(names.size());
  for (auto& name : names) {
    MigrationFile file;
    file.path = m.dir / name;
    file.display = join(where, name);
    m.files.push_back(std::move(file));
  }
  m.listed = true;
}

std::vector<Migration> load_changelog_versions(const fs::path& module_dir,
                                               const std::string& changelogs_directory) {
  fs::path module_abs = fs::absolute(module_dir).lexically_normal();
  if (!module_abs.has_filename() && module_abs.has_relative_path()) {
    module_abs = module_abs.parent_path();  // "/x/module/" → "/x/module"
  }
  fs::path dir = (module_abs / changelogs_directory).lexically_normal();
  if (!dir.has_filename() && dir.has_relative_path()) dir = dir.parent_path();  // "changelogs/"
  const std::string shown = display_of(module_abs, dir);

  std::vector<Candidate> candidates = list_candidates(dir, shown, changelogs_directory);

  std::vector<Migration> migrations;
  migrations.reserve(candidates.size());
  for (auto& candidate : candidates) {
    Migration m;
    m.version = version_of(candidate, shown);
    m.label = std::move(candidate.name);
    m.dir = std::move(candidate.path);
    m.display = join(shown, m.label);
    migrations.push_back(std::move(m));
  }

  // Labels break ties so that the duplicate error names the same pair on every system.
  std::sort(migrations.begin(), migrations.end(), [](const Migration& a, const Migration& b) {
    if (a.version != b.version) return a.version < b.version;
    return a.label < b.label;
  });
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    const Migration& a = migrations[i - 1];
    const Migration& b = migrations[i];
    if (a.version == b.version) {
      throw Error(
          fmt::format("version directories '{}' and '{}' are the same version", a.label, b.label),
          located(join(shown, b.label)))
          .hint(
              "versions are compared numerically (1.2 is 1.2.0, v1.2.3 is 1.2.3): merge the two "
              "directories or rename one");
    }
  }

  return migrations;
}

std::vector<Migration> load_changelog_dir(const fs::path& module_dir,
                                          const std::string& changelogs_directory) {
  std::vector<Migration> migrations = load_changelog_versions(module_dir, changelogs_directory);
  for (auto& m : migrations) list_migration_files(m);
  return migrations;
}

std::vector<const Migration*> select(const std::vector<Migration>& migrations,
                                     std::optional<Version> min, std::optional<Version> max) {
  std::vector<const Migration*> selected;
  for (const auto& m : migrations) {
    if (min && m.version < *min) continue;
    if (max && m.version > *max) continue;
    selected.push_back(&m);
  }
  return selected;
}

}  // namespace pum
