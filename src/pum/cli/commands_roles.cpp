// Commands: role. The actions that change roles or privileges run in
// one transaction under the module's migrations lock (so they never interleave with an install
// or upgrade of the same module, which create roles and grant too); the listings run in a
// read-only snapshot without the lock.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "pum/cli/command_table.hpp"
#include "pum/db/cancel_on_signal.hpp"
#include "pum/db/transaction.hpp"
#include "pum/roles/actions.hpp"
#include "pum/run/context.hpp"
#include "pum/ui/colour.hpp"
#include "pum/ui/log.hpp"

namespace pum::cli {

namespace {

// Colour in listings on stdout: the rule of the log (ui/log.hpp), applied to stdout.
bool stdout_colour() {
  return log::colour_wanted(isatty(STDOUT_FILENO) != 0, std::getenv("NO_COLOR"),
                            std::getenv("TERM"));
}

void setup_role(CLI::App& sub, CliState& state) {
  auto& o = state.role.options;
  sub.add_option("action", state.role.action, "What to do (docs/roles.md describes each action)")
      ->required()
      ->check(CLI::IsMember(roles::action_names()));
  sub.add_option("--suffix", o.suffix,
                 "Act on the database-specific roles <role>_<S> (create, grant, revoke, drop, "
                 "members)")
      ->type_name("S");
  sub.add_option("--roles", o.roles,
                 "Only these configured roles (create, grant, revoke, drop; members: exactly one)")
      ->type_name("R")
      ->expected(1, -1);
  sub.add_option("--to", o.to, "grant: make USER a member of the roles")->type_name("USER");
  sub.add_option("--from", o.from, "revoke: take the roles back from USER")->type_name("USER");
  sub.add_option("--name", o.name, "create-login / drop-login: the login role")->type_name("NAME");
  sub.add_flag("--force", o.force,
               "drop, drop-login: first reassign what the role owns to the current user and drop "
               "its remaining privileges");
  sub.add_flag("--include-superusers", o.include_superusers, "list: also show superusers");
  sub.add_flag("--json", o.json, "list, login-roles, members: JSON on stdout");
  add_lock_timeout(sub, state.lock_timeout);
}

int run_role(CliState& state) {
  auto& o = state.role.options;
  o.action = roles::parse_action(state.role.action).value_or(roles::Action::list);
  roles::check_options(o);
  const bool changes = roles::changes_database(o.action);
  run::Needs needs;
  needs.access = changes ? run::Access::locked : run::Access::none;
  run::Context context(state.global, needs);
  const config::Config& config = context.config;
  const bool colour = stdout_colour();
  std::string out;
  if (changes) {
    run::Session& session = context.open_session();
    out = roles::run_action(session.conn, config, o, colour);
    log::info("Committing changes...");
    session.commit();
  } else {
    db::Connection conn = db::Connection::open(state.global.pg_connection);
    db::CancelOnSignal cancel_on_signal(conn);
    db::Transaction transaction(conn);
    roles::make_read_only(conn);
    out = roles::run_action(conn, config, o, colour);
    transaction.commit();
  }
  std::cout << out << std::flush;
  return 0;
}

const Command kCommands[] = {
    {"role", "Manage the roles of .pum.yaml: create, grant, revoke, drop, list, login roles",
     setup_role, run_role},
};

}  // namespace

std::span<const Command> roles_commands() { return kCommands; }

}  // namespace pum::cli
