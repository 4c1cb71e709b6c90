// role list: which database roles stand for configured ones, what they hold, who else is there;
// the text and the JSON of the listing.
#include "pum/roles/inventory.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "pum/roles/inventory_format.hpp"

namespace pum::roles::test {
namespace {

DbRole db(std::string name, bool login = false, bool superuser = false) {
  return {std::move(name), login, superuser};
}

// viewer and user exist and hold their permissions; alice (login) is a member of viewer;
// intruder has USAGE on s1 directly; bob is a login role with no access; postgres is a superuser.
Facts all_ok_facts() {
  Facts f;
  f.roles = {db("alice", true),          db("bob", true), db("intruder", true),
             db("postgres", true, true), db("user"),      db("viewer")};
  f.memberships = {{"alice", "viewer"}, {"user", "viewer"}};
  f.existing_schemas = {"s1", "s2"};
  f.usage = {{"alice", "s1"}, {"intruder", "s1"}, {"postgres", "s1"}, {"postgres", "s2"},
             {"user", "s1"},  {"user", "s2"},     {"viewer", "s1"}};
  f.access[{"viewer", "s1"}] = {true, false};
  f.access[{"user", "s2"}] = {true, true};
  return f;
}

Inventory inventory_of(const config::Config& c, const Facts& f, bool superusers = false) {
  return build_inventory(c, f, match_roles(c, f.roles), superusers);
}

TEST(RolesInventory, ConfiguredSchemasInOrderOfAppearance) {
  config::Config c = viewer_user();
  c.roles.push_back(role("admin", {read({"s3", "s1"}), write({"s2"})}));
  EXPECT_EQ(configured_schemas(c), (std::vector<std::string>{"s1", "s2", "s3"}));
}

TEST(RolesInventory, MatchesInConfigurationOrderThenVariantsByName) {
  const config::Config c = viewer_user();
  const auto matches =
      match_roles(c, {db("alice"), db("user_b"), db("user"), db("viewer_z"), db("viewer_a")});
  ASSERT_EQ(matches.size(), 4U);
  EXPECT_EQ(matches[0].name, "viewer_a");
  EXPECT_EQ(matches[0].suffix, "a");
  EXPECT_EQ(matches[1].name, "viewer_z");
  EXPECT_EQ(matches[2].name, "user");
  EXPECT_EQ(matches[2].suffix, std::nullopt);
  EXPECT_EQ(matches[3].name, "user_b");
  EXPECT_EQ(matches[3].role, &c.roles[1]);
}

TEST(RolesInventory, AllSatisfied) {
  const config::Config c = viewer_user();
  const Inventory inv = inventory_of(c, all_ok_facts());
  ASSERT_EQ(inv.roles.size(), 2U);
  EXPECT_TRUE(inv.missing.empty());
  EXPECT_EQ(inv.unsatisfied(), 0U);
  EXPECT_EQ(inv.roles[0].name, "viewer");
  EXPECT_TRUE(inv.roles[0].member_of.empty());
  EXPECT_EQ(inv.roles[1].member_of, (std::vector<std::string>{"viewer"}));
  ASSERT_EQ(inv.roles[1].schemas.size(), 1U);
  EXPECT_TRUE(inv.roles[1].schemas[0].expect_write);
  EXPECT_FALSE(inv.roles[1].schemas[0].expect_read);
  EXPECT_TRUE(inv.roles[1].schemas[0].satisfied);
  EXPECT_FALSE(inv.roles[0].login);
}

TEST(RolesInventory, GranteesOthersAndOtherLoginRoles) {
  const config::Config c = viewer_user();
  const Inventory inv = inventory_of(c, all_ok_facts());
  ASSERT_EQ(inv.grantees.size(), 1U);
  EXPECT_EQ(inv.grantees[0].name, "alice");
  EXPECT_EQ(inv.grantees[0].member_of, (std::vector<std::string>{"viewer"}));
  EXPECT_EQ(inv.grantees[0].schemas, (std::vector<std::string>{"s1"}));
  ASSERT_EQ(inv.others.size(), 1U);
  EXPECT_EQ(inv.others[0].name, "intruder");
  EXPECT_TRUE(inv.others[0].login);
  ASSERT_EQ(inv.other_logins.size(), 1U);
  EXPECT_EQ(inv.other_logins[0].name, "bob");
}

TEST(RolesInventory, SuperusersOnlyOnRequestAndNeverAsOtherLogins) {
  const config::Config c = viewer_user();
  Facts f = all_ok_facts();
  f.roles.push_back(db("root_no_access", true, true));
  Inventory inv = inventory_of(c, f);
  for (const auto& r : inv.others) EXPECT_FALSE(r.superuser) << r.name;
  for (const auto& r : inv.other_logins) EXPECT_FALSE(r.superuser) << r.name;
  inv = inventory_of(c, f, /*superusers=*/true);
  ASSERT_EQ(inv.others.size(), 2U);
  EXPECT_EQ(inv.others[1].name, "postgres");
  EXPECT_TRUE(inv.others[1].superuser);
  EXPECT_EQ(inv.others[1].schemas, (std::vector<std::string>{"s1", "s2"}));
  for (const auto& r : inv.other_logins) EXPECT_FALSE(r.superuser) << r.name;
}

TEST(RolesInventory, MissingAndUnsatisfied) {
  const config::Config c = viewer_user();
  Facts f;
  f.roles = {db("viewer")};
  f.existing_schemas = {"s1"};
  const Inventory inv = inventory_of(c, f);
  EXPECT_EQ(inv.missing, (std::vector<std::string>{"user"}));
  ASSERT_EQ(inv.roles.size(), 1U);
  EXPECT_FALSE(inv.roles[0].satisfied);
  EXPECT_FALSE(inv.roles[0].schemas[0].actual.read);
  EXPECT_EQ(inv.unsatisfied(), 1U);
}

TEST(RolesInventory, AMissingSchemaIsNeverSatisfied) {
  config::Config c = viewer_user();
  c.roles[0].permissions.push_back(read({"gone"}));
  Facts f = all_ok_facts();
  const Inventory inv = inventory_of(c, f);
  ASSERT_EQ(inv.roles[0].schemas.size(), 2U);
  EXPECT_FALSE(inv.roles[0].schemas[1].exists);
  EXPECT_FALSE(inv.roles[0].satisfied);
  EXPECT_EQ(inv.schemas[1], (std::pair<std::string, bool>{"gone", false}));
}

TEST(RolesInventory, GenericRolesWithVariantsAreNotChecked) {
  const config::Config c = viewer_user();
  Facts f;
  f.roles = {db("user"), db("user_lausanne"), db("viewer"), db("viewer_lausanne")};
  f.existing_schemas = {"s1", "s2"};
  f.access[{"viewer_lausanne", "s1"}] = {true, false};
  f.access[{"user_lausanne", "s2"}] = {true, true};
  const Inventory inv = inventory_of(c, f);
  ASSERT_EQ(inv.roles.size(), 4U);
  EXPECT_EQ(inv.roles[0].name, "viewer");
  EXPECT_TRUE(inv.roles[0].schemas[0].held_by_variants);
  EXPECT_TRUE(inv.roles[0].satisfied);
  EXPECT_EQ(inv.roles[1].name, "viewer_lausanne");
  EXPECT_EQ(inv.roles[1].suffix, "lausanne");
  EXPECT_FALSE(inv.roles[1].schemas[0].held_by_variants);
  EXPECT_TRUE(inv.roles[1].satisfied);
  EXPECT_EQ(inv.variants(), 2U);
  EXPECT_EQ(inv.unsatisfied(), 0U);
}

TEST(RolesInventory, ReadAndWriteOnOneSchemaNeedBoth) {
  config::Config c;
  c.roles.push_back(role("admin", {read({"s1"}), write({"s1"})}));
  Facts f;
  f.roles = {db("admin")};
  f.existing_schemas = {"s1"};
  f.access[{"admin", "s1"}] = {false, true};
  Inventory inv = inventory_of(c, f);
  ASSERT_EQ(inv.roles[0].schemas.size(), 1U);
  EXPECT_FALSE(inv.roles[0].satisfied);
  f.access[{"admin", "s1"}] = {true, true};
  inv = inventory_of(c, f);
  EXPECT_TRUE(inv.roles[0].satisfied);
}

TEST(RolesInventoryText, AllSections) {
  config::Config c = viewer_user();
  c.roles.push_back(role("admin", {write({"s1"})}));
  const Inventory inv = inventory_of(c, all_ok_facts());
  EXPECT_EQ(inventory_text(inv, false),
            "Configured roles:\n"
            "  ✓ viewer\n"
            "      ✓ s1  (read)\n"
            "  ✓ user\n"
            "      member of: viewer\n"
            "      ✓ s2  (read, write)\n"
            "  ✗ admin  (missing)\n"
            "\n"
            "Grantee roles (members of configured roles):\n"
            "  → alice [login]  member of: viewer  (s1)\n"
            "\n"
            "Other roles with schema access:\n"
            "  ? intruder [login]  (s1)\n"
            "\n"
            "Other login roles (no schema access):\n"
            "  - bob\n"
            "\n"
            "Summary: 3 configured roles, 1 missing, 0 database-specific variants, 0 not "
            "satisfied.\n");
}

TEST(RolesInventoryText, UnsatisfiedVariantsAndColour) {
  const config::Config c = viewer_user();
  Facts f;
  f.roles = {db("user"), db("user_x"), db("viewer"), db("viewer_x")};
  f.existing_schemas = {"s1"};
  f.access[{"viewer_x", "s1"}] = {false, false};
  const Inventory inv = inventory_of(c, f);
  EXPECT_EQ(inventory_text(inv, false),
            "Configured roles:\n"
            "  ✓ viewer\n"
            "      - s1  (held by the database-specific roles; actual: none)\n"
            "  ✗ viewer_x [suffixed: x]\n"
            "      ✗ s1  (expected: read, actual: none)\n"
            "  ✓ user\n"
            "      - s2  (held by the database-specific roles; actual: none)\n"
            "  ✗ user_x [suffixed: x]\n"
            "      ✗ s2  (expected: write; the schema does not exist)\n"
            "\n"
            "Summary: 2 configured roles, 0 missing, 2 database-specific variants, 2 not "
            "satisfied.\n");
  const std::string coloured = inventory_text(inv, true);
  EXPECT_NE(coloured.find("\033[31m✗\033[0m viewer_x"), std::string::npos);
  EXPECT_NE(coloured.find("\033[32m✓\033[0m viewer\n"), std::string::npos);
  EXPECT_NE(coloured.find("\033[1mConfigured roles:\033[0m"), std::string::npos);
}

TEST(RolesInventoryText, NothingConfigured) {
  config::Config c;
  Facts f;
  f.roles = {db("bob", true)};
  EXPECT_EQ(inventory_text(inventory_of(c, f), false),
            "No roles are configured.\n"
            "\n"
            "Other login roles (no schema access):\n"
            "  - bob\n"
            "\n"
            "Summary: 0 configured roles, 0 missing, 0 database-specific variants, all "
            "satisfied.\n");
}

TEST(RolesInventoryJson, ParsesWithTheDocumentedLayout) {
  config::Config c = viewer_user();
  c.roles.push_back(role("admin", {write({"s1"})}));
  const std::string text = inventory_json(inventory_of(c, all_ok_facts()));
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["module"], "m");
  EXPECT_EQ(j["schemas"], nlohmann::json::parse(R"([{"name": "s1", "exists": true},
                                                    {"name": "s2", "exists": true}])"));
  ASSERT_EQ(j["roles"].size(), 2U);
  EXPECT_EQ(j["roles"][1], nlohmann::json::parse(R"({
      "name": "user", "configured_role": "user", "suffix": null, "login": false,
      "superuser": false, "member_of": ["viewer"], "satisfied": true,
      "schemas": [{"name": "s2", "exists": true, "expected": ["write"],
                   "held_by_variants": false, "read": true, "write": true,
                   "satisfied": true}]})"));
  EXPECT_EQ(j["missing_roles"], nlohmann::json::parse(R"(["admin"])"));
  EXPECT_EQ(j["grantee_roles"], nlohmann::json::parse(R"([{"name": "alice", "login": true,
      "superuser": false, "member_of": ["viewer"], "schemas": ["s1"]}])"));
  EXPECT_EQ(j["other_roles"][0]["name"], "intruder");
  EXPECT_EQ(j["other_login_roles"][0]["name"], "bob");
  EXPECT_EQ(j["summary"], nlohmann::json::parse(R"({"configured": 3, "present": 2,
      "variants": 0, "missing": 1, "unsatisfied": 0, "satisfied": false})"));
  // Keys in the documented order.
  std::vector<std::string> keys;
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text);
  for (const auto& item : ordered.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"format_version", "module", "schemas", "roles",
                                            "missing_roles", "grantee_roles", "other_roles",
                                            "other_login_roles", "summary"}));
  EXPECT_EQ(text.back(), '\n');
}

TEST(RolesInventoryJson, LoginRolesAndMembers) {
  EXPECT_EQ(nlohmann::json::parse(login_roles_json({"a", "b"})),
            nlohmann::json::parse(R"({"login_roles": ["a", "b"]})"));
  EXPECT_EQ(nlohmann::json::parse(members_json("v\"1", {})),
            nlohmann::json::parse(R"({"role": "v\"1", "members": []})"));
  EXPECT_EQ(names_text({"a", "b"}), "  a\n  b\n");
}

}  // namespace
}  // namespace pum::roles::test
