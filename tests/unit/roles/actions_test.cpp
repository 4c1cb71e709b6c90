// The role command's actions and which flags each takes.
#include "pum/roles/actions.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::roles {
namespace {

Error error_of(const ActionOptions& o) {
  try {
    check_options(o);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no pum::Error thrown";
  return Error("none");
}

ActionOptions options(Action action) {
  ActionOptions o;
  o.action = action;
  return o;
}

TEST(RolesActions, Names) {
  EXPECT_EQ(action_names(),
            (std::vector<std::string>{"create", "create-login", "drop", "drop-login", "grant",
                                      "revoke", "list", "login-roles", "members"}));
  for (const auto& name : action_names()) {
    auto action = parse_action(name);
    ASSERT_TRUE(action) << name;
    EXPECT_EQ(action_name(*action), name);
  }
  EXPECT_FALSE(parse_action("create_login"));
}

TEST(RolesActions, OnlyListingsAreReadOnly) {
  EXPECT_FALSE(changes_database(Action::list));
  EXPECT_FALSE(changes_database(Action::login_roles));
  EXPECT_FALSE(changes_database(Action::members));
  for (Action a : {Action::create, Action::create_login, Action::drop, Action::drop_login,
                   Action::grant, Action::revoke}) {
    EXPECT_TRUE(changes_database(a)) << action_name(a);
  }
}

TEST(RolesActions, AFlagTheActionDoesNotTakeIsAUsageError) {
  ActionOptions o = options(Action::list);
  o.to = "alice";
  Error e = error_of(o);
  EXPECT_EQ(e.what(), "role list does not take --to (it applies to: grant)");
  EXPECT_EQ(e.code(), ExitCode::usage);
  o = options(Action::create);
  o.force = true;
  EXPECT_EQ(error_of(o).what(),
            "role create does not take --force (it applies to: drop, "
            "drop-login)");
  o = options(Action::login_roles);
  o.roles = {"a"};
  EXPECT_EQ(error_of(o).what(),
            "role login-roles does not take --roles (it applies to: create, "
            "drop, grant, revoke, members)");
  o = options(Action::grant);
  o.from.emplace("x");
  EXPECT_EQ(error_of(o).what(), "role grant does not take --from (it applies to: revoke)");
}

TEST(RolesActions, FlagsTheActionsTake) {
  ActionOptions o = options(Action::grant);
  o.to = "alice";
  o.suffix = "lausanne";
  o.roles = {"viewer"};
  EXPECT_NO_THROW(check_options(o));
  o = options(Action::list);
  o.include_superusers = true;
  o.json = true;
  EXPECT_NO_THROW(check_options(o));
  o = options(Action::drop_login);
  o.name = "bob";
  o.force = true;
  EXPECT_NO_THROW(check_options(o));
}

TEST(RolesActions, MissingNameOrWrongRoleCountFailsLikePum) {
  Error e = error_of(options(Action::create_login));
  EXPECT_EQ(e.what(), "role create-login needs --name NAME");
  EXPECT_EQ(e.code(), ExitCode::failure);
  ActionOptions o = options(Action::members);
  o.roles = {"a", "b"};
  e = error_of(o);
  EXPECT_EQ(e.what(), "role members needs exactly one role in --roles (got 2)");
  EXPECT_EQ(e.code(), ExitCode::failure);
}

TEST(RolesActions, TheSuffixIsCheckedBeforeConnecting) {
  ActionOptions o = options(Action::drop);
  o.suffix = "x'; --";
  EXPECT_EQ(error_of(o).what(),
            "--suffix 'x'; --' contains ''', which pum does not put in a role name");
}

}  // namespace
}  // namespace pum::roles
