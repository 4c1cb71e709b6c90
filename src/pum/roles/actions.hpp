#pragma once
// The `role ACTION` command: which flags each action takes, and what it does inside
// the caller's transaction. The CLI (cli/commands_roles.cpp) loads the configuration, opens the
// session (the migrations lock for the actions that change something, a read-only transaction
// for the others), calls run_action and prints what it returns.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"

namespace pum::roles {

enum class Action {
  create,
  create_login,
  drop,
  drop_login,
  grant,
  revoke,
  list,
  login_roles,
  members
};

// "create-login" → Action::create_login; nullopt for anything else.
std::optional<Action> parse_action(std::string_view name);
std::string_view action_name(Action action);
// Every action name, in help order.
std::vector<std::string> action_names();

struct ActionOptions {
  Action action = Action::list;
  std::optional<std::string> suffix;
  std::vector<std::string> roles;
  std::optional<std::string> to;
  std::optional<std::string> from;
  std::optional<std::string> name;
  bool force = false;
  bool include_superusers = false;
  bool json = false;
};

// Refuses, before anything is opened: a flag the action does not take (usage error, exit 2),
// a missing --name (create-login, drop-login) or a --roles that does not name exactly one role
// (members) (exit 1, as pum), a --suffix pum would not put in a role name.
void check_options(const ActionOptions& options);

// Whether the action changes roles or privileges (then it runs under the migrations lock).
bool changes_database(Action action);

// Makes the transaction just opened a read-only snapshot (for the actions that change nothing):
// one consistent view of the catalog, and a guarantee that nothing is written.
void make_read_only(db::Connection& conn);

// Runs the action; returns what goes to stdout (listings, JSON; empty for the others). Logs go
// to stderr. `colour`: ANSI colours in the text listings.
std::string run_action(db::Connection& conn, const config::Config& config,
                       const ActionOptions& options, bool colour);

}  // namespace pum::roles
