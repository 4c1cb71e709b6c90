#include "pum/changelog/changelog_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace pum {
namespace {
namespace fs = std::filesystem;

Version v(std::string_view text) { return Version::parse(text).value(); }

// A fresh module directory per test, removed afterwards.
class ChangelogDir : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::path(::testing::TempDir()) /
            (std::string("pum_changelog_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    root_ = fs::canonical(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Creates a file (and its parent directories) relative to the module directory.
  void touch(const std::string& relative, const std::string& content = "SELECT 1;\n") {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
  }
  void mkdir(const std::string& relative) { fs::create_directories(root_ / relative); }

  std::vector<Migration> load(const std::string& changelogs = "changelogs") {
    return load_changelog_dir(root_, changelogs);
  }
  // Loads, expects a pum::Error, returns it.
  Error load_error(const std::string& changelogs = "changelogs") {
    try {
      load(changelogs);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "expected an error";
    return Error("no error");
  }
  std::string abs(const std::string& relative) const { return (root_ / relative).string(); }

  fs::path root_;
};

std::vector<std::string> versions_of(const std::vector<Migration>& ms) {
  std::vector<std::string> out;
  out.reserve(ms.size());
  for (const auto& m : ms) out.push_back(m.version.str());
  return out;
}
std::vector<std::string> versions_of(const std::vector<const Migration*>& ms) {
  std::vector<std::string> out;
  out.reserve(ms.size());
  for (const auto* m : ms) out.push_back(m->version.str());
  return out;
}
std::vector<std::string> displays_of(const Migration& m) {
  std::vector<std::string> out;
  for (const auto& f : m.files) out.push_back(f.display);
  return out;
}

// test_config.py: single_changelog.
TEST_F(ChangelogDir, SingleChangelog) {
  touch("changelogs/1.2.3/single_changelog.sql");
  const auto ms = load();
  ASSERT_EQ(ms.size(), 1U);
  EXPECT_EQ(ms[0].version.str(), "1.2.3");
  EXPECT_EQ(ms[0].label, "1.2.3");
  EXPECT_EQ(ms[0].dir, root_ / "changelogs" / "1.2.3");
  EXPECT_FALSE(ms[0].app_only);
  ASSERT_EQ(ms[0].files.size(), 1U);
  EXPECT_EQ(ms[0].files[0].path, root_ / "changelogs/1.2.3/single_changelog.sql");
  EXPECT_EQ(ms[0].files[0].display, "changelogs/1.2.3/single_changelog.sql");
}

// test_config.py: multiple_changelogs, created out of order.
TEST_F(ChangelogDir, MultipleChangelogsAreSortedAndSelected) {
  touch("changelogs/2.0.0/create_second_table.sql");
  touch("changelogs/1.3.0/a.sql");
  touch("changelogs/1.2.3/a.sql");
  touch("changelogs/1.2.4/a.sql");
  const auto ms = load();
  EXPECT_EQ(versions_of(ms), (std::vector<std::string>{"1.2.3", "1.2.4", "1.3.0", "2.0.0"}));
  EXPECT_EQ(ms.back().version.str(), "2.0.0");  // last_version

  using V = std::vector<std::string>;
  EXPECT_EQ(versions_of(select(ms, v("1.2.4"), v("1.3.0"))), (V{"1.2.4", "1.3.0"}));
  EXPECT_EQ(versions_of(select(ms, std::nullopt, v("1.3.0"))), (V{"1.2.3", "1.2.4", "1.3.0"}));
  EXPECT_EQ(versions_of(select(ms, std::nullopt, v("1.0.0"))), V{});
  EXPECT_EQ(versions_of(select(ms, v("1.2.3"), std::nullopt)),
            (V{"1.2.3", "1.2.4", "1.3.0", "2.0.0"}));
  EXPECT_EQ(versions_of(select(ms, v("2.1.0"), std::nullopt)), V{});
  EXPECT_EQ(versions_of(select(ms, std::nullopt, std::nullopt)).size(), 4U);
  // Bounds compare numerically: 1.3 is 1.3.0, 1.2.3.1 lies between 1.2.3 and 1.2.4.
  EXPECT_EQ(versions_of(select(ms, std::nullopt, v("1.3"))), (V{"1.2.3", "1.2.4", "1.3.0"}));
  EXPECT_EQ(versions_of(select(ms, v("1.2.3.1"), v("1.2.4"))), V{"1.2.4"});
  // A pre-release bound sorts before its final release.
  EXPECT_EQ(versions_of(select(ms, std::nullopt, v("2.0.0rc1"))), (V{"1.2.3", "1.2.4", "1.3.0"}));
  // Pointers point into the given vector.
  EXPECT_EQ(select(ms, v("2.0"), std::nullopt).at(0), &ms[3]);
}

TEST_F(ChangelogDir, VersionsSortNumerically) {
  touch("changelogs/1.10.0/a.sql");
  touch("changelogs/1.9.0/a.sql");
  touch("changelogs/1.2/a.sql");
  touch("changelogs/10.0/a.sql");
  touch("changelogs/2.0.0/a.sql");
  EXPECT_EQ(versions_of(load()),
            (std::vector<std::string>{"1.2", "1.9.0", "1.10.0", "2.0.0", "10.0"}));
}

// test_config.py: empty changelogs/ → "is empty".
TEST_F(ChangelogDir, EmptyChangelogsDirectory) {
  mkdir("changelogs");
  const Error e = load_error();
  EXPECT_EQ(e.message(), "changelogs directory 'changelogs' is empty (" + abs("changelogs") + ")");
  EXPECT_FALSE(e.location().known());
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "add one directory per version, named after it, holding that version's .sql files, "
            "e.g. changelogs/1.0.0/01_schema.sql");
}

// Decision Q15: no version directory at all is refused before anything runs.
TEST_F(ChangelogDir, NoVersionDirectory) {
  touch("changelogs/.gitkeep", "");
  touch("changelogs/README.md", "");
  mkdir("changelogs/.git/objects");
  const Error e = load_error();
  EXPECT_EQ(e.message(), "no version directory in changelogs directory 'changelogs' (" +
                             abs("changelogs") + ")");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "add one directory per version, named after it, holding that version's .sql files, "
            "e.g. changelogs/1.0.0/01_schema.sql (directories starting with '.' are ignored)");
}

TEST_F(ChangelogDir, MissingChangelogsDirectory) {
  touch(".pum.yaml", "pum: {module: x}\n");
  const Error e = load_error("my_delta_directory");
  EXPECT_EQ(e.message(), "changelogs directory 'my_delta_directory' does not exist (looked in " +
                             abs("my_delta_directory") + ")");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "the changelogs directory is read relative to the module directory (-d, or the "
            "directory of the -c config file); set changelogs_directory in .pum.yaml if yours is "
            "not called 'my_delta_directory'");
}

TEST_F(ChangelogDir, ChangelogsPathIsAFile) {
  touch("changelogs", "");
  const Error e = load_error();
  EXPECT_EQ(e.message(),
            "changelogs directory 'changelogs' is not a directory (" + abs("changelogs") + ")");
}

// test_changelog.py: app_only_release (1.2.3 normal, 1.3.0 app-only).
TEST_F(ChangelogDir, AppOnlyRelease) {
  touch("changelogs/1.2.3/01_create.sql");
  touch("changelogs/1.3.0/APP_ONLY_RELEASE", "");
  touch("changelogs/1.3.0/notes.txt", "only the view changes");
  const auto ms = load();
  ASSERT_EQ(ms.size(), 2U);
  EXPECT_FALSE(ms[0].app_only);
  EXPECT_EQ(ms[0].files.size(), 1U);
  EXPECT_TRUE(ms[1].app_only);
  EXPECT_EQ(ms[1].version.str(), "1.3.0");
  EXPECT_TRUE(ms[1].files.empty());
}

// test_changelog.py: an empty version directory is invalid and mentions APP_ONLY_RELEASE.
TEST_F(ChangelogDir, EmptyVersionDirectory) {
  touch("changelogs/0.9.0/a.sql");
  mkdir("changelogs/1.0.0");
  const Error e = load_error();
  EXPECT_EQ(e.message(),
            "version directory '1.0.0' contains no .sql file and no APP_ONLY_RELEASE marker");
  EXPECT_EQ(e.location().file, "changelogs/1.0.0");
  EXPECT_EQ(e.what(),
            "changelogs/1.0.0: version directory '1.0.0' contains no .sql file and no "
            "APP_ONLY_RELEASE marker");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "add this version's .sql files, or, for a release that only changes the application "
            "(hooks), add an empty file named APP_ONLY_RELEASE");
}

// test_changelog.py: marker + 01_something.sql is invalid and mentions APP_ONLY_RELEASE.
TEST_F(ChangelogDir, MarkerAndSqlFiles) {
  touch("changelogs/1.0.0/APP_ONLY_RELEASE", "");
  touch("changelogs/1.0.0/01_something.sql");
  const Error e = load_error();
  EXPECT_EQ(e.message(),
            "version directory '1.0.0' contains both an APP_ONLY_RELEASE marker and .sql files");
  EXPECT_EQ(e.location().file, "changelogs/1.0.0");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "an application-only release runs no SQL: remove APP_ONLY_RELEASE if this version "
            "changes the database, or move its .sql files to another version");
}

// What upgrade reads first: the versions, not what their directories hold; the content of the
// ones it will apply is then listed one by one, with the same errors.
TEST_F(ChangelogDir, VersionsOnlyThenFilesOfOneVersion) {
  touch("changelogs/1.0.0/APP_ONLY_RELEASE", "");
  touch("changelogs/1.0.0/01_something.sql");  // broken, but never listed below
  touch("changelogs/1.1.0/02_b.sql");
  touch("changelogs/1.1.0/01_a.sql");
  mkdir("changelogs/1.2.0");  // empty: an error once listed
  std::vector<Migration> ms = load_changelog_versions(root_, "changelogs");
  EXPECT_EQ(versions_of(ms), (std::vector<std::string>{"1.0.0", "1.1.0", "1.2.0"}));
  for (const auto& m : ms) {
    EXPECT_FALSE(m.listed) << m.label;
    EXPECT_TRUE(m.files.empty()) << m.label;
  }
  EXPECT_EQ(ms[1].display, "changelogs/1.1.0");

  list_migration_files(ms[1]);
  EXPECT_TRUE(ms[1].listed);
  EXPECT_EQ(displays_of(ms[1]),
            (std::vector<std::string>{"changelogs/1.1.0/01_a.sql", "changelogs/1.1.0/02_b.sql"}));
  EXPECT_FALSE(ms[0].listed);

  try {
    list_migration_files(ms[2]);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "version directory '1.2.0' contains no .sql file and no APP_ONLY_RELEASE marker");
    EXPECT_EQ(e.location().file, "changelogs/1.2.0");
  }
  // Names are still checked without listing.
  mkdir("changelogs/not_a_version");
  EXPECT_THROW((void)load_changelog_versions(root_, "changelogs"), Error);
}

TEST_F(ChangelogDir, UpperCaseSqlIsIgnoredAndExplained) {
  touch("changelogs/1.0.0/01_x.SQL");
  touch("changelogs/1.0.0/00_y.Sql");
  const Error e = load_error();
  EXPECT_EQ(e.message(),
            "version directory '1.0.0' contains no .sql file and no APP_ONLY_RELEASE marker");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0],
            "'00_y.Sql' is ignored: only names ending in '.sql' (lower case) are "
            "executed");
}

// As pum 1.x lists a version directory (docs/manual.md section 5): non-recursive, only regular
// *.sql files, byte order of the names.
TEST_F(ChangelogDir, FilesAreSortedByByteOrderAndFiltered) {
  touch("changelogs/1.2.3/a.sql");
  touch("changelogs/1.2.3/B.sql");
  touch("changelogs/1.2.3/2_x.sql");
  touch("changelogs/1.2.3/10_x.sql");
  touch("changelogs/1.2.3/01_x.sql");
  touch("changelogs/1.2.3/README");
  touch("changelogs/1.2.3/hook.py");
  touch("changelogs/1.2.3/upper.SQL");
  touch("changelogs/1.2.3/x.sql.bak");
  touch("changelogs/1.2.3/nested/inner.sql");
  mkdir("changelogs/1.2.3/dir.sql");
  const auto ms = load();
  ASSERT_EQ(ms.size(), 1U);
  EXPECT_EQ(displays_of(ms[0]), (std::vector<std::string>{
                                    "changelogs/1.2.3/01_x.sql",
                                    "changelogs/1.2.3/10_x.sql",
                                    "changelogs/1.2.3/2_x.sql",
                                    "changelogs/1.2.3/B.sql",
                                    "changelogs/1.2.3/a.sql",
                                }));
  EXPECT_EQ(ms[0].files[3].path, root_ / "changelogs/1.2.3/B.sql");
  EXPECT_TRUE(ms[0].files[3].path.is_absolute());
}

TEST_F(ChangelogDir, PlainFilesInTheChangelogsDirectoryAreIgnored) {
  touch("changelogs/README.md");
  touch("changelogs/stray.sql");
  touch("changelogs/1.0.0/a.sql");
  EXPECT_EQ(versions_of(load()), std::vector<std::string>{"1.0.0"});
}

TEST_F(ChangelogDir, HiddenDirectoriesAreIgnored) {
  touch("changelogs/.git/HEAD");
  touch("changelogs/.idea/x.sql");
  touch("changelogs/1.0.0/a.sql");
  EXPECT_EQ(versions_of(load()), std::vector<std::string>{"1.0.0"});
}

TEST_F(ChangelogDir, CustomDirectoryDisplayPaths) {
  touch("my_delta_directory/1.0.0/a.sql");
  touch("db/deltas/1.0.0/a.sql");
  EXPECT_EQ(load("my_delta_directory")[0].files[0].display, "my_delta_directory/1.0.0/a.sql");
  EXPECT_EQ(load("./my_delta_directory/")[0].files[0].display, "my_delta_directory/1.0.0/a.sql");
  EXPECT_EQ(load("db/deltas")[0].files[0].display, "db/deltas/1.0.0/a.sql");
  EXPECT_EQ(load("db/../db/deltas")[0].files[0].display, "db/deltas/1.0.0/a.sql");
  // An absolute path inside the module directory is still shown relative to it.
  EXPECT_EQ(load(abs("db/deltas"))[0].files[0].display, "db/deltas/1.0.0/a.sql");
  // A module directory given with a trailing slash changes nothing.
  EXPECT_EQ(load_changelog_dir(root_.string() + "/", "db/deltas")[0].files[0].display,
            "db/deltas/1.0.0/a.sql");
}

TEST_F(ChangelogDir, AbsoluteDirectoryOutsideTheModule) {
  touch("elsewhere/1.0.0/a.sql");
  mkdir("module");
  const auto ms = load_changelog_dir(root_ / "module", abs("elsewhere"));
  EXPECT_EQ(ms[0].files[0].display, abs("elsewhere") + "/1.0.0/a.sql");
}

TEST_F(ChangelogDir, LabelKeepsTheDirectoryName) {
  touch("changelogs/v1.2.3/a.sql");
  touch("changelogs/1.02/a.sql");
  const auto ms = load();
  ASSERT_EQ(ms.size(), 2U);
  EXPECT_EQ(ms[0].version.str(), "1.2");
  EXPECT_EQ(ms[0].label, "1.02");
  EXPECT_EQ(ms[1].version.str(), "1.2.3");
  EXPECT_EQ(ms[1].label, "v1.2.3");
  EXPECT_EQ(ms[1].files[0].display, "changelogs/v1.2.3/a.sql");
  EXPECT_EQ(ms[1].dir, root_ / "changelogs/v1.2.3");
}

TEST_F(ChangelogDir, DuplicateVersionsTrailingZero) {
  touch("changelogs/1.2/a.sql");
  touch("changelogs/1.2.0/a.sql");
  const Error e = load_error();
  EXPECT_EQ(e.message(), "version directories '1.2' and '1.2.0' are the same version");
  EXPECT_EQ(e.location().file, "changelogs/1.2.0");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "versions are compared numerically (1.2 is 1.2.0, v1.2.3 is 1.2.3): merge the two "
            "directories or rename one");
}

TEST_F(ChangelogDir, DuplicateVersionsLeadingV) {
  touch("changelogs/v1.2.3/a.sql");
  touch("changelogs/1.2.3/a.sql");
  EXPECT_EQ(load_error().message(),
            "version directories '1.2.3' and 'v1.2.3' are the same version");
}

TEST_F(ChangelogDir, InvalidDirectoryName) {
  touch("changelogs/1.0.0/a.sql");
  touch("changelogs/old/a.sql");
  const Error e = load_error();
  EXPECT_EQ(e.message(),
            "version directory 'old' is not a version: invalid version 'old': it must start with "
            "a number; a version looks like 1.2.3 (PEP 440)");
  EXPECT_EQ(e.location().file, "changelogs/old");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0],
            "every sub-directory of 'changelogs' is a version: rename it like 1.2.3, or move it "
            "out of the changelogs directory (directories starting with '.' are ignored)");
}

TEST_F(ChangelogDir, VersionsThatCannotBeRecorded) {
  for (const std::string name : {"1.0.0rc1", "1.2.3.4", "1", "1!1.0", "1.0+local", "1.0.post1"}) {
    SCOPED_TRACE(name);
    fs::remove_all(root_ / "changelogs");
    touch("changelogs/" + name + "/a.sql");
    const Error e = load_error();
    EXPECT_EQ(e.message(), "version directory '" + name +
                               "' cannot be recorded: pum records versions as X.Y or X.Y.Z");
    EXPECT_EQ(e.location().file, "changelogs/" + name);
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_EQ(e.hints()[0],
              "rename it like 1.2.3: pre-releases (rc1, a1, b1), post and dev releases, epochs "
              "(N!), local versions (+x) and versions of one or more than three numbers are not "
              "supported");
  }
}

// Name checks come before content checks, and errors do not depend on listing order.
TEST_F(ChangelogDir, ErrorsAreDeterministic) {
  mkdir("changelogs/1.0.0");  // invalid content
  touch("changelogs/zz/a.sql");
  touch("changelogs/aa/a.sql");
  EXPECT_EQ(load_error().location().file, "changelogs/aa");
}

TEST_F(ChangelogDir, SymlinksAreFollowed) {
  touch("shared/1.1.0/a.sql");
  touch("shared/common.sql");
  touch("changelogs/1.0.0/a.sql");
  fs::create_directory_symlink(root_ / "shared/1.1.0", root_ / "changelogs/1.1.0");
  fs::create_symlink(root_ / "shared/common.sql", root_ / "changelogs/1.0.0/b.sql");
  fs::create_symlink(root_ / "nowhere", root_ / "changelogs/2.0.0");  // dangling dir: ignored
  const auto ms = load();
  EXPECT_EQ(versions_of(ms), (std::vector<std::string>{"1.0.0", "1.1.0"}));
  EXPECT_EQ(displays_of(ms[0]),
            (std::vector<std::string>{"changelogs/1.0.0/a.sql", "changelogs/1.0.0/b.sql"}));
  EXPECT_EQ(displays_of(ms[1]), std::vector<std::string>{"changelogs/1.1.0/a.sql"});
  EXPECT_EQ(ms[1].files[0].path, root_ / "changelogs/1.1.0/a.sql");
}

// Skipping it would record the version as applied without that file's SQL.
TEST_F(ChangelogDir, DanglingSqlSymlinkIsAnError) {
  touch("changelogs/1.0.0/a.sql");
  fs::create_symlink(root_ / "nowhere.sql", root_ / "changelogs/1.0.0/c.sql");
  const Error e = load_error();
  EXPECT_EQ(e.location().file, "changelogs/1.0.0/c.sql");
  EXPECT_EQ(e.message(), "the changelog file is a broken symbolic link (" +
                             (root_ / "nowhere.sql").string() + " does not exist)");
}

TEST_F(ChangelogDir, ManyVersionDirectories) {
  for (int major = 0; major < 20; ++major) {
    for (int minor = 0; minor < 100; ++minor) {
      touch("changelogs/" + std::to_string(major) + "." + std::to_string(minor) + ".0/01.sql", "");
    }
  }
  const auto ms = load();
  ASSERT_EQ(ms.size(), 2000U);
  for (std::size_t i = 1; i < ms.size(); ++i) EXPECT_LT(ms[i - 1].version, ms[i].version);
  EXPECT_EQ(ms[10].version.str(), "0.10.0");
  EXPECT_EQ(ms.back().version.str(), "19.99.0");
}

}  // namespace
}  // namespace pum
