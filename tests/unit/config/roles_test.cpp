// roles: names, permissions, inherit (only from a role listed before).
#include <gtest/gtest.h>

#include <string>

#include "pum/config/config.hpp"
#include "temp_module.hpp"

namespace pum::config::test {
namespace {

const std::string kHead = "pum:\n  module: a\nroles:\n";

TEST(Roles, ReadAndWriteWithInherit) {
  TempModule module;
  const Config config = module.load(kHead +
                                    "  - name: viewer\n"
                                    "    description: read-only\n"
                                    "    permissions:\n"
                                    "      - type: read\n"
                                    "        schemas: [od, app]\n"
                                    "  - name: editor\n"
                                    "    inherit: viewer\n"
                                    "    permissions:\n"
                                    "      - type: write\n"
                                    "        schemas:\n"
                                    "          - od\n");
  ASSERT_EQ(config.roles.size(), 2U);
  const Role& viewer = config.roles[0];
  EXPECT_EQ(viewer.name, "viewer");
  EXPECT_EQ(viewer.description, "read-only");
  EXPECT_EQ(viewer.inherit, std::nullopt);
  ASSERT_EQ(viewer.permissions.size(), 1U);
  EXPECT_EQ(viewer.permissions[0].type, PermissionType::read);
  EXPECT_EQ(viewer.permissions[0].schemas, (std::vector<std::string>{"od", "app"}));
  EXPECT_EQ(viewer.mark.line, 4);
  const Role& editor = config.roles[1];
  EXPECT_EQ(editor.inherit, "viewer");
  ASSERT_EQ(editor.permissions.size(), 1U);
  EXPECT_EQ(editor.permissions[0].type, PermissionType::write);
  EXPECT_EQ(to_string(editor.permissions[0].type), "write");
  EXPECT_EQ(editor.permissions[0].schemas, (std::vector<std::string>{"od"}));
}

TEST(Roles, NameIsRequired) {
  TempModule module;
  const Error e = module.error(kHead + "  - description: x\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:5: missing required key 'name' in a role");
  EXPECT_EQ(first_hint(e), "add 'name: <role name>' to this role");
}

TEST(Roles, DuplicateNames) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: viewer\n  - name: viewer\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:11: duplicate role 'viewer' (first declared at line 4)");
  EXPECT_EQ(first_hint(e), "rename or remove one of them");
}

TEST(Roles, InheritFromALaterRole) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: editor\n    inherit: viewer\n  - name: viewer\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:14: role 'editor' inherits 'viewer', which is not defined before it in "
            "'roles'");
  EXPECT_EQ(first_hint(e),
            "move role 'viewer' above role 'editor': a role can only inherit a role listed "
            "before it");
}

TEST(Roles, InheritFromAnUnknownRole) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: viewer\n  - name: editor\n    inherit: viewr\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:6:14: role 'editor' inherits 'viewr', which is not defined before it in "
            "'roles'");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'viewer'?");
  EXPECT_EQ(e.hints()[1], "define role 'viewr' earlier in 'roles', or remove 'inherit'");
}

TEST(Roles, InheritFromItself) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: viewer\n    inherit: viewer\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:14: role 'viewer' inherits 'viewer', which is not defined before it in "
            "'roles'");
  EXPECT_EQ(first_hint(e), "a role cannot inherit itself; remove 'inherit' or name another role");
}

TEST(Roles, UnknownPermissionType) {
  TempModule module;
  const Error e = module.error(kHead +
                               "  - name: viewer\n    permissions:\n"
                               "      - type: reed\n        schemas: [od]\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:15: unknown permission type 'reed'");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'read'?");
  EXPECT_EQ(e.hints()[1], "valid types: read, write");
}

TEST(Roles, PermissionNeedsSchemas) {
  TempModule module;
  const Error missing =
      module.error(kHead + "  - name: viewer\n    permissions:\n      - type: read\n");
  EXPECT_EQ(missing.what(), ".pum.yaml:6:9: missing required key 'schemas' in a permission");
  EXPECT_EQ(first_hint(missing), "add 'schemas: [<schema>, ...]' naming the schemas it applies to");
  const Error empty = module.error(kHead +
                                   "  - name: viewer\n    permissions:\n"
                                   "      - type: read\n        schemas: []\n");
  EXPECT_EQ(empty.what(), ".pum.yaml:7:18: 'schemas' must list at least one entry");
  EXPECT_EQ(first_hint(empty), "add entries under 'schemas:', one per line starting with '- '");
  const Error number = module.error(kHead +
                                    "  - name: viewer\n    permissions:\n"
                                    "      - type: read\n        schemas: [od, 12]\n");
  EXPECT_EQ(number.what(),
            ".pum.yaml:7:23: each entry of 'schemas' must be a string, found an integer (12)");
}

TEST(Roles, PermissionsMustBeAList) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: viewer\n    permissions:\n      type: read\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:7: 'permissions' must be a list, found a mapping");
}

}  // namespace
}  // namespace pum::config::test
