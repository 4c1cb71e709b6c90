// Which database roles an action works on: selection by --roles, suffixes, name checks.
#include "pum/roles/targets.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "pum/util/error.hpp"

namespace pum::roles::test {
namespace {

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no pum::Error thrown";
  return Error("none");
}

TEST(RolesTargets, SuffixedName) {
  EXPECT_EQ(suffixed_name("viewer", std::nullopt), "viewer");
  EXPECT_EQ(suffixed_name("viewer", std::string("lausanne")), "viewer_lausanne");
}

TEST(RolesTargets, SelectAllOrNamedInConfigurationOrder) {
  const config::Config c = viewer_user();
  auto all = select_roles(c, {});
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0]->name, "viewer");
  EXPECT_EQ(all[1]->name, "user");
  auto some = select_roles(c, {"user", "viewer"});
  ASSERT_EQ(some.size(), 2U);
  EXPECT_EQ(some[0]->name, "viewer");
  auto one = select_roles(c, {"user"});
  ASSERT_EQ(one.size(), 1U);
  EXPECT_EQ(one[0]->name, "user");
}

TEST(RolesTargets, UnknownRolesAreNamedWithADidYouMean) {
  const config::Config c = viewer_user();
  Error e = error_of([&] { select_roles(c, {"viewr"}); });
  EXPECT_EQ(e.what(), "Unknown role(s): viewr");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'viewer'?");
  EXPECT_EQ(e.hints()[1], "configured roles: viewer, user");
  e = error_of([&] { select_roles(c, {"a", "viewer", "b", "a"}); });
  EXPECT_EQ(e.what(), "Unknown role(s): a, b");
  EXPECT_EQ(e.hints().size(), 1U);
  config::Config empty;
  empty.display_file = "x/.pum.yaml";
  e = error_of([&] { select_roles(empty, {"a"}); });
  EXPECT_EQ(e.hints().back(), "x/.pum.yaml declares no roles");
}

TEST(RolesTargets, VariantsInheritTheVariantOfTheirParent) {
  const config::Config c = viewer_user();
  auto generic = targets_of(select_roles(c, {}), std::nullopt);
  ASSERT_EQ(generic.size(), 2U);
  EXPECT_EQ(generic[1].name, "user");
  EXPECT_EQ(generic[1].parent, "viewer");
  EXPECT_EQ(generic[0].parent, std::nullopt);
  auto variants = targets_of(select_roles(c, {}), std::string("lausanne"));
  EXPECT_EQ(variants[0].name, "viewer_lausanne");
  EXPECT_EQ(variants[0].suffix, "lausanne");
  EXPECT_EQ(variants[1].name, "user_lausanne");
  EXPECT_EQ(variants[1].parent, "viewer_lausanne");
  EXPECT_EQ(variants[1].role, &c.roles[1]);
}

TEST(RolesTargets, NamesLongerThanPostgresKeepsAreRefused) {
  EXPECT_NO_THROW(check_name_length(std::string(63, 'a'), "--to"));
  Error e = error_of([] { check_name_length(std::string(64, 'a'), "--to"); });
  EXPECT_EQ(e.what(), "--to '" + std::string(64, 'a') +
                          "' is 64 bytes long; PostgreSQL keeps only the first 63");
  e = error_of([] { check_name_length("", "--from"); });
  EXPECT_EQ(e.what(), "--from cannot be empty");
  const config::Config c = viewer_user();
  e = error_of([&] { targets_of(select_roles(c, {}), std::string(60, 's')); });
  EXPECT_EQ(e.what().rfind("role 'viewer_sss", 0), 0U);
  // Bytes, not characters: 32 two-byte characters are 64 bytes.
  std::string accents;
  for (int i = 0; i < 32; ++i) accents += "é";
  EXPECT_THROW(check_name_length(accents, "--name"), Error);
}

TEST(RolesTargets, NewNamesTakeLettersDigitsAndAFewMarks) {
  EXPECT_NO_THROW(check_new_name("Jean-Luc.M@example_1", "--name"));
  EXPECT_NO_THROW(check_new_name("genève", "--suffix"));
  Error e = error_of([] { check_new_name("a\"; DROP ROLE x; --", "--name"); });
  EXPECT_EQ(e.what(),
            "--name 'a\"; DROP ROLE x; --' contains '\"', which pum does not put in a "
            "role name");
  EXPECT_EQ(e.hints().front(),
            "use letters, digits, '_', '-', '.' or '@' (create a role with another name by hand "
            "with CREATE ROLE)");
  e = error_of([] { check_new_name("a b", "--suffix"); });
  EXPECT_EQ(e.what(), "--suffix 'a b' contains ' ', which pum does not put in a role name");
  e = error_of([] { check_new_name("a\nb", "--suffix"); });
  EXPECT_EQ(e.what(), "--suffix 'a\\x0ab' contains '\\x0a', which pum does not put in a role name");
  for (const char* bad : {"a'b", "a;b", "a\\b", "a$b", "a/b", "a\tb"}) {
    EXPECT_THROW(check_new_name(bad, "--name"), Error) << bad;
  }
}

TEST(RolesTargets, SchemasOfOwnAndInheritedPermissions) {
  config::Config c = viewer_user();
  c.roles[0].permissions.push_back(write({"s2", "s3"}));
  EXPECT_EQ(schemas_with_inherited(c, c.roles[0]), (std::vector<std::string>{"s1", "s2", "s3"}));
  EXPECT_EQ(schemas_with_inherited(c, c.roles[1]), (std::vector<std::string>{"s2", "s1", "s3"}));
}

TEST(RolesTargets, WhatADatabaseRoleStandsFor) {
  config::Config c = viewer_user();
  c.roles.push_back(role("viewer_admin"));
  auto m = configured_role_of(c, "viewer");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role->name, "viewer");
  EXPECT_EQ(m->suffix, std::nullopt);
  m = configured_role_of(c, "viewer_lausanne");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role->name, "viewer");
  EXPECT_EQ(m->suffix, "lausanne");
  // A configured name means itself, and the longest configured prefix wins.
  m = configured_role_of(c, "viewer_admin");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role->name, "viewer_admin");
  EXPECT_EQ(m->suffix, std::nullopt);
  m = configured_role_of(c, "viewer_admin_bern");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->role->name, "viewer_admin");
  EXPECT_EQ(m->suffix, "bern");
  EXPECT_FALSE(configured_role_of(c, "viewer_"));
  EXPECT_FALSE(configured_role_of(c, "viewers"));
  EXPECT_FALSE(configured_role_of(c, "alice"));
}

}  // namespace
}  // namespace pum::roles::test
