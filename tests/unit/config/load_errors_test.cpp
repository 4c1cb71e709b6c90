// Problems with the file as a whole and with its keys: every one located at file:line:col.
#include <gtest/gtest.h>

#include <string>

#include "pum/config/config.hpp"
#include "temp_module.hpp"

namespace pum::config::test {
namespace {

TEST(LoadConfig, MissingFile) {
  TempModule module;
  try {
    (void)load_config(module.dir() / ".pum.yaml", "mod/.pum.yaml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "mod/.pum.yaml: configuration file not found");
    EXPECT_EQ(first_hint(e),
              "run pum in the module directory, or give the path of its .pum.yaml with -c");
  }
}

TEST(LoadConfig, DirectoryInsteadOfFile) {
  TempModule module;
  try {
    (void)load_config(module.dir(), "mod");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "mod: this is a directory, not a configuration file");
    EXPECT_EQ(first_hint(e), "give the path of the module's .pum.yaml file");
  }
}

TEST(LoadConfig, EmptyFile) {
  TempModule module;
  for (const char* text : {"", "# nothing but a comment\n", "~\n"}) {
    const Error e = module.error(text);
    EXPECT_EQ(e.what(), ".pum.yaml: the configuration file is empty") << text;
    EXPECT_EQ(first_hint(e),
              "a configuration needs at least a 'pum:' section with an indented 'module: <name>' "
              "under it");
  }
}

TEST(LoadConfig, NotAMapping) {
  TempModule module;
  const Error list = module.error("- pum\n- module\n");
  EXPECT_EQ(list.what(), ".pum.yaml:1:1: the configuration must be a mapping, found a list");
  EXPECT_EQ(first_hint(list), "write its keys on the following lines, indented: 'key: value'");
  EXPECT_EQ(module.error("hello\n").what(),
            ".pum.yaml:1:1: the configuration must be a mapping, found a string ('hello')");
}

TEST(LoadConfig, MalformedYamlUsesYamlCppPosition) {
  TempModule module;
  const Error e = module.error("pum:\n  module: [a, b\nparameters: []\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:11: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(first_hint(e),
            "fix the YAML syntax at this position; check the indentation and the ':' after each "
            "key");
  EXPECT_EQ(e.location().line_text, "parameters: []");
}

TEST(LoadConfig, BadIndentation) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n migration_table_schema: b\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:2: invalid YAML: end of map not found");
}

TEST(LoadConfig, SeveralDocuments) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n---\npum:\n  module: b\n");
  // At the '---' that starts the second document: the line the hint says to remove.
  EXPECT_EQ(e.what(), ".pum.yaml:3:1: the configuration holds more than one YAML document");
  EXPECT_FALSE(e.hints().empty());
}

TEST(LoadConfig, DocumentAfterEndMarkerIsASecondDocument) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n...\n# later\nroles: []\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:1: the configuration holds more than one YAML document");
}

// yaml-cpp 0.7 ends the document before a token that cannot start a node and never consumes
// it; these returned only when the test timed out before the parser's document loop was bounded.
TEST(LoadConfig, TokenThatCannotStartANodeIsUnexpected) {
  TempModule module;
  const Error comma = module.error(",\n");
  EXPECT_EQ(comma.what(), ".pum.yaml:1:1: invalid YAML: unexpected ','");
  EXPECT_EQ(first_hint(comma), "a configuration starts with a key such as 'pum:'");
  const Error bom = module.error("\xEF\xBB\xBF,\n");
  EXPECT_EQ(bom.what(), ".pum.yaml:1:1: invalid YAML: unexpected ','");
  const Error tagged = module.error("!,m\n");
  EXPECT_EQ(tagged.what(), ".pum.yaml:1:2: invalid YAML: unexpected ','");
  EXPECT_EQ(first_hint(tagged), "remove it, or quote the value it belongs to");
  const Error after_tag = module.error("!#rpa,,,\n");
  EXPECT_EQ(after_tag.what(), ".pum.yaml:1:6: invalid YAML: unexpected ','");
}

TEST(LoadConfig, DuplicateKey) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\nroles: []\npum:\n  module: b\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:1: duplicate key 'pum' (first set at line 1)");
  EXPECT_EQ(first_hint(e), "keep only one 'pum' at the top level");
}

TEST(LoadConfig, DuplicateNestedKey) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n  module: b\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:3: duplicate key 'module' (first set at line 2)");
  EXPECT_EQ(first_hint(e), "keep only one 'module' in 'pum'");
}

TEST(LoadConfig, UnknownTopLevelKeySuggestsApplication) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\napp:\n  drop: []\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:1: unknown key 'app'");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'application'?");
  EXPECT_EQ(e.hints()[1],
            "valid keys at the top level: pum, changelogs_directory, parameters, application, "
            "roles, demo_data, dependencies, uninstall, hooks");
  EXPECT_EQ(e.location().line_text, "app:");
}

TEST(LoadConfig, UnknownKeyWithoutSuggestion) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\nxyz: 1\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:1: unknown key 'xyz'");
  ASSERT_EQ(e.hints().size(), 1U);
  EXPECT_EQ(e.hints()[0].rfind("valid keys at the top level: ", 0), 0U);
}

TEST(LoadConfig, UnknownKeyInPum) {
  TempModule module;
  const Error e = module.error("pum:\n  modul: a\n");
  EXPECT_EQ(e.what(), ".pum.yaml:2:3: unknown key 'modul'");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'module'?");
  EXPECT_EQ(e.hints()[1], "valid keys in 'pum': module, migration_table_schema, minimum_version");
}

TEST(LoadConfig, UnknownKeyInApplicationSuggestsLegacyName) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\napplication:\n  prre: []\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:3: unknown key 'prre'");
  EXPECT_EQ(first_hint(e), "did you mean 'pre'?");
  EXPECT_EQ(e.hints()[1], "valid keys in 'application': drop, create");
}

TEST(LoadConfig, ColumnsCountCharactersNotBytes) {
  TempModule module;
  const Error e = module.error("pum: {module: \"é€\", modul: x}\n");
  EXPECT_EQ(e.what(), ".pum.yaml:1:21: unknown key 'modul'");
}

TEST(LoadConfig, BothSpellingsOfApplication) {
  TempModule module;
  const Error e =
      module.error("pum:\n  module: a\napplication:\n  drop: []\nmigration_hooks:\n  pre: []\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:1: both 'application' and its legacy name 'migration_hooks' are set");
  EXPECT_EQ(first_hint(e), "keep only one of them, preferably 'application'");
}

TEST(LoadConfig, BothSpellingsOfDrop) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\napplication:\n  pre: []\n  drop: []\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:3: both 'drop' and its legacy name 'pre' are set");
  EXPECT_EQ(first_hint(e), "keep only one of them, preferably 'drop'");
}

TEST(LoadConfig, BasePathIsRefused) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\nbase_path: ..\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:3:1: 'base_path' is not allowed: the module directory is the directory of "
            "the configuration file");
  EXPECT_EQ(first_hint(e),
            "remove 'base_path'; paths in the configuration are relative to the directory holding "
            ".pum.yaml");
}

TEST(LoadConfig, MissingPum) {
  TempModule module;
  const Error e = module.error("changelogs_directory: changelogs\n");
  EXPECT_EQ(e.what(), ".pum.yaml:1:1: missing required key 'pum' at the top level");
  EXPECT_EQ(first_hint(e), "add a 'pum:' section with at least 'module: <name>' under it");
}

TEST(LoadConfig, PumMustBeAMapping) {
  TempModule module;
  const Error empty = module.error("pum:\nroles: []\n");
  EXPECT_EQ(empty.what(), ".pum.yaml:1:1: 'pum' must be a mapping, found null");
  const Error list = module.error("pum:\n  - module: a\n");
  EXPECT_EQ(list.what(), ".pum.yaml:2:3: 'pum' must be a mapping, found a list");
  EXPECT_EQ(first_hint(list), "write its keys on the following lines, indented: 'key: value'");
}

TEST(LoadConfig, MissingModule) {
  TempModule module;
  const Error e = module.error("pum:\n  migration_table_schema: sys\n");
  EXPECT_EQ(e.what(), ".pum.yaml:1:1: missing required key 'module' in 'pum'");
  EXPECT_EQ(first_hint(e),
            "add 'module: <name>' under 'pum'; the name is recorded with every migration");
}

TEST(LoadConfig, ModuleMustBeANonEmptyString) {
  TempModule module;
  const Error empty = module.error("pum:\n  module: ''\n");
  EXPECT_EQ(empty.what(), ".pum.yaml:2:11: 'module' must not be empty");
  EXPECT_EQ(first_hint(empty), "write a value after 'module:' or remove the key");
  const Error number = module.error("pum:\n  module: 2024\n");
  EXPECT_EQ(number.what(), ".pum.yaml:2:11: 'module' must be a string, found an integer (2024)");
  EXPECT_EQ(first_hint(number), "quote the value to keep it as text: '2024'");
  const Error missing = module.error("pum:\n  module:\n");
  EXPECT_EQ(missing.what(), ".pum.yaml:2:3: 'module' must be a string, found null");
}

TEST(LoadConfig, MigrationTableSchemaMustNotBeEmpty) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n  migration_table_schema: \"\"\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:27: 'migration_table_schema' must not be empty");
}

TEST(LoadConfig, ChangelogsDirectoryMustBeAString) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\nchangelogs_directory: [a]\n");
  EXPECT_EQ(e.what(), ".pum.yaml:3:23: 'changelogs_directory' must be a string, found a list");
  EXPECT_EQ(first_hint(e), "write a single value on the same line as the key");
}

TEST(LoadConfig, WrongKindsOfSections) {
  TempModule module;
  const Error parameters = module.error("pum:\n  module: a\nparameters:\n  SRID: 2056\n");
  EXPECT_EQ(parameters.what(), ".pum.yaml:4:3: 'parameters' must be a list, found a mapping");
  EXPECT_EQ(first_hint(parameters), "write one entry per line, each starting with '- '");
  const Error roles = module.error("pum:\n  module: a\nroles: viewer\n");
  EXPECT_EQ(roles.what(), ".pum.yaml:3:8: 'roles' must be a list, found a string ('viewer')");
  const Error application = module.error("pum:\n  module: a\napplication: [a]\n");
  EXPECT_EQ(application.what(), ".pum.yaml:3:14: 'application' must be a mapping, found a list");
  const Error entry = module.error("pum:\n  module: a\nparameters:\n  - SRID\n");
  EXPECT_EQ(entry.what(),
            ".pum.yaml:4:5: each entry of 'parameters' must be a mapping, found a string ('SRID')");
}

TEST(LoadConfig, EmptySectionsAreAllowed) {
  TempModule module;
  const Config config =
      module.load("pum:\n  module: a\nparameters:\napplication:\nroles: []\nuninstall:\n");
  EXPECT_TRUE(config.parameters.empty());
  EXPECT_TRUE(config.drop_hooks.empty());
  EXPECT_TRUE(config.roles.empty());
  EXPECT_TRUE(config.uninstall_hooks.empty());
}

TEST(LoadConfig, MinimalConfigTakesDefaults) {
  TempModule module;
  const Config config = module.load("pum:\n  module: pipes\n");
  EXPECT_EQ(config.module, "pipes");
  EXPECT_EQ(config.migration_table_schema, "public");
  EXPECT_EQ(config.changelogs_directory, "changelogs");
  EXPECT_EQ(config.changelogs_directory_mark.line, 0);
  EXPECT_EQ(config.minimum_version, std::nullopt);
  EXPECT_EQ(config.base_dir, module.dir());
  EXPECT_EQ(config.display_file, ".pum.yaml");
}

TEST(LoadConfig, MinimumVersionAboveWhatWeImplement) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n  minimum_version: 9.9.9\n");
  EXPECT_EQ(e.what(), std::string(".pum.yaml:3:20: this configuration needs pum >= 9.9.9; this pum "
                                  "implements pum ") +
                          PUM_COMPAT_VERSION);
  EXPECT_EQ(first_hint(e),
            "use a pum that implements pum 9.9.9 or later, or lower 'pum.minimum_version' if the "
            "module does not need it");
}

TEST(LoadConfig, MinimumVersionIsCheckedBeforeUnknownKeys) {
  // A configuration for a newer pum may use keys we do not know: say what it needs first.
  TempModule module;
  const Error e = module.error("future_key: 1\npum:\n  module: a\n  minimum_version: 2.0\n");
  EXPECT_EQ(e.what(),
            std::string(".pum.yaml:4:20: this configuration needs pum >= 2.0; this pum implements "
                        "pum ") +
                PUM_COMPAT_VERSION);
}

TEST(LoadConfig, MinimumVersionAtOrBelowWhatWeImplement) {
  TempModule module;
  EXPECT_EQ(module.load("pum:\n  module: a\n  minimum_version: 1.8.0\n").minimum_version, "1.8.0");
  EXPECT_EQ(module.load("pum:\n  module: a\n  minimum_version: 0.1\n").minimum_version, "0.1");
  EXPECT_EQ(module.load("pum:\n  module: a\n  minimum_version: '1.7'\n").minimum_version, "1.7");
}

TEST(LoadConfig, MinimumVersionMustBeAVersion) {
  TempModule module;
  const Error e = module.error("pum:\n  module: a\n  minimum_version: latest\n");
  EXPECT_EQ(e.what().rfind(".pum.yaml:3:20: invalid version 'latest'", 0), 0U) << e.what();
  EXPECT_EQ(first_hint(e), "write the lowest pum version this module works with, such as 1.8.0");
}

TEST(LoadConfig, LocationShowsTheLine) {
  TempModule module;
  const Config config = module.load("pum:\n  module: a\nchangelogs_directory: deltas\n");
  EXPECT_EQ(config.changelogs_directory, "deltas");
  const SourceLocation location = config.location(config.changelogs_directory_mark);
  EXPECT_EQ(location.str(), ".pum.yaml:3:23");
  EXPECT_EQ(location.line_text, "changelogs_directory: deltas");
  EXPECT_EQ(config.location(Mark{}).str(), ".pum.yaml");
}

}  // namespace
}  // namespace pum::config::test
