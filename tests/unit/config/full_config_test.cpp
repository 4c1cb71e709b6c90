// The example .pum.yaml of the configuration reference (docs/manual.md section 4; data/full), read
// into the typed Config.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "pum/config/config.hpp"

namespace pum::config {
namespace {

const std::filesystem::path kDir = std::filesystem::path(PUM_TEST_DATA_DIR) / "full";

TEST(FullConfig, EveryField) {
  const Config config = load_config(kDir / ".pum.yaml", "full/.pum.yaml");
  EXPECT_EQ(config.file, kDir / ".pum.yaml");
  EXPECT_EQ(config.base_dir, kDir);
  EXPECT_EQ(config.display_file, "full/.pum.yaml");
  EXPECT_EQ(config.module, "pipes");
  EXPECT_EQ(config.migration_table_schema, "pipes_sys");
  EXPECT_EQ(config.minimum_version, "1.8.0");
  EXPECT_EQ(config.changelogs_directory, "changelogs");
  EXPECT_EQ(config.changelogs_directory_mark.line, 6);
  EXPECT_EQ(config.changelogs_directory_mark.column, 23);

  ASSERT_EQ(config.parameters.size(), 3U);
  const ParameterDef& srid = config.parameters[0];
  EXPECT_EQ(srid.name, "SRID");
  EXPECT_EQ(srid.type, ParamType::integer);
  EXPECT_EQ(srid.default_value, Value{std::int64_t{2056}});
  EXPECT_EQ(srid.values,
            (std::vector<Value>{Value{std::int64_t{2056}}, Value{std::int64_t{21781}}}));
  EXPECT_EQ(srid.description, "CRS of every geometry column");
  EXPECT_FALSE(srid.app_only);
  EXPECT_EQ(srid.mark.line, 9);
  EXPECT_EQ(srid.mark.column, 5);
  const ParameterDef& lang = config.parameters[1];
  EXPECT_EQ(lang.name, "label_lang");
  EXPECT_EQ(lang.type, ParamType::text);
  EXPECT_EQ(lang.default_value, Value{std::string("en")});
  EXPECT_EQ(lang.values, (std::vector<Value>{Value{std::string("en")}, Value{std::string("fr")},
                                             Value{std::string("de")}}));
  EXPECT_TRUE(lang.app_only);
  const ParameterDef& history = config.parameters[2];
  EXPECT_EQ(history.type, ParamType::boolean);
  EXPECT_EQ(history.default_value, Value{false});
  EXPECT_EQ(history.values, std::nullopt);
  EXPECT_EQ(history.description, std::nullopt);

  ASSERT_EQ(config.drop_hooks.size(), 1U);
  EXPECT_EQ(config.drop_hooks[0].code, "DROP SCHEMA IF EXISTS pipes_app CASCADE;");
  ASSERT_EQ(config.create_hooks.size(), 2U);
  EXPECT_EQ(config.create_hooks[0].file, kDir / "app/create_schema.sql");
  EXPECT_EQ(config.create_hooks[0].file_display, "app/create_schema.sql");
  EXPECT_EQ(config.create_hooks[1].file, kDir / "app/create_views.py");
  EXPECT_EQ(config.create_hooks[1].mark.line, 28);
  ASSERT_EQ(config.uninstall_hooks.size(), 3U);
  EXPECT_EQ(config.uninstall_hooks[2].code, "DROP TABLE IF EXISTS pipes_sys.pum_migrations;");

  ASSERT_EQ(config.roles.size(), 2U);
  EXPECT_EQ(config.roles[0].name, "pipes_viewer");
  EXPECT_EQ(config.roles[0].description, "read-only users");
  ASSERT_EQ(config.roles[0].permissions.size(), 1U);
  EXPECT_EQ(config.roles[0].permissions[0].type, PermissionType::read);
  EXPECT_EQ(config.roles[0].permissions[0].schemas,
            (std::vector<std::string>{"pipes_od", "pipes_app"}));
  EXPECT_EQ(config.roles[1].name, "pipes_editor");
  EXPECT_EQ(config.roles[1].inherit, "pipes_viewer");
  EXPECT_EQ(config.roles[1].permissions.at(0).type, PermissionType::write);

  ASSERT_EQ(config.demo_data.size(), 1U);
  EXPECT_EQ(config.demo_data[0].name, "sample network");
  EXPECT_EQ(config.demo_data[0].files,
            (std::vector<std::string>{"demo/01_nodes.sql", "demo/02_pipes.sql"}));

  ASSERT_EQ(config.dependencies.size(), 1U);
  EXPECT_EQ(config.dependencies[0].name, "pirogue");
  EXPECT_EQ(config.dependencies[0].minimum_version, "3.0.0");
  EXPECT_EQ(config.dependencies[0].maximum_version, std::nullopt);

  EXPECT_EQ(config.find_parameter("label_lang"), &config.parameters[1]);
  EXPECT_EQ(config.location(srid.mark).str(), "full/.pum.yaml:9:5");
  EXPECT_EQ(config.location(srid.mark).line_text, "  - name: SRID");
}

TEST(FullConfig, RelativePathGivenOnTheCommandLine) {
  // base_dir is absolute whatever the form of the path given.
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(kDir.parent_path());
  const Config config = load_config("full/./.pum.yaml", "full/./.pum.yaml");
  std::filesystem::current_path(cwd);
  EXPECT_EQ(config.base_dir, kDir);
  EXPECT_EQ(config.file, "full/./.pum.yaml");
}

}  // namespace
}  // namespace pum::config
