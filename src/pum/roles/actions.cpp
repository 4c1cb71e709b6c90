#include "pum/roles/actions.hpp"

#include <fmt/format.h>

#include <array>

#include "pum/config/suggest.hpp"
#include "pum/roles/catalog.hpp"
#include "pum/roles/inventory.hpp"
#include "pum/roles/inventory_format.hpp"
#include "pum/roles/manage.hpp"
#include "pum/roles/roles_sql.hpp"
#include "pum/roles/targets.hpp"
#include "pum/ui/log.hpp"

namespace pum::roles {

namespace {

struct ActionRow {
  Action action;
  std::string_view name;
};

constexpr std::array<ActionRow, 9> kActions = {{
    {Action::create, "create"},
    {Action::create_login, "create-login"},
    {Action::drop, "drop"},
    {Action::drop_login, "drop-login"},
    {Action::grant, "grant"},
    {Action::revoke, "revoke"},
    {Action::list, "list"},
    {Action::login_roles, "login-roles"},
    {Action::members, "members"},
}};

// Which actions take each flag.
bool takes(Action a, std::string_view flag) {
  using A = Action;
  if (flag == "--suffix" || flag == "--roles") {
    return a == A::create || a == A::grant || a == A::revoke || a == A::drop || a == A::members;
  }
  if (flag == "--to") return a == A::grant;
  if (flag == "--from") return a == A::revoke;
  if (flag == "--name") return a == A::create_login || a == A::drop_login;
  if (flag == "--force") return a == A::drop || a == A::drop_login;
  if (flag == "--include-superusers") return a == A::list;
  if (flag == "--json") return a == A::list || a == A::login_roles || a == A::members;
  return false;
}

std::string takers(std::string_view flag) {
  std::vector<std::string> names;
  for (const auto& row : kActions) {
    if (takes(row.action, flag)) names.emplace_back(row.name);
  }
  return config::join(names);
}

std::vector<Target> selected_targets(const config::Config& config, const ActionOptions& o) {
  return targets_of(select_roles(config, o.roles), o.suffix);
}

// An explicit `role grant` grants what it is asked to or fails: every target must exist.
void require_existing(db::Connection& conn, const std::vector<Target>& targets,
                      const std::optional<std::string>& suffix) {
  std::vector<std::string> missing;
  for (const auto& target : targets) {
    if (!catalog::role(conn, target.name)) missing.push_back(target.name);
  }
  if (missing.empty()) return;
  throw Error(fmt::format("role(s) not found in the database: {}", config::join(missing)))
      .hint(suffix ? fmt::format("create them with: pum role create --suffix {}", *suffix)
                   : std::string("create them with: pum role create"));
}

std::string list(db::Connection& conn, const config::Config& config, const ActionOptions& o,
                 bool colour) {
  Facts facts = catalog::inventory_facts(conn, configured_schemas(config));
  const std::vector<Match> matches = match_roles(config, facts.roles);
  catalog::add_access(conn, facts, matches);
  const Inventory inventory = build_inventory(config, facts, matches, o.include_superusers);
  return o.json ? inventory_json(inventory) : inventory_text(inventory, colour);
}

std::string members(db::Connection& conn, const config::Config& config, const ActionOptions& o) {
  const std::vector<Target> targets = selected_targets(config, o);
  const std::string& role = targets.front().name;
  if (!catalog::role(conn, role)) {
    throw Error(fmt::format("role '{}' does not exist", role))
        .hint("pum role list shows the configured roles and their database-specific variants");
  }
  const std::vector<std::string> names = catalog::login_members(conn, role);
  if (o.json) return members_json(role, names);
  if (names.empty()) log::info("No login members found for role '{}'.", role);
  return names_text(names);
}

}  // namespace

std::optional<Action> parse_action(std::string_view name) {
  for (const auto& row : kActions) {
    if (row.name == name) return row.action;
  }
  return std::nullopt;
}

std::string_view action_name(Action action) {
  for (const auto& row : kActions) {
    if (row.action == action) return row.name;
  }
  return "?";
}

std::vector<std::string> action_names() {
  std::vector<std::string> names;
  names.reserve(kActions.size());
  for (const auto& row : kActions) names.emplace_back(row.name);
  return names;
}

void check_options(const ActionOptions& o) {
  const std::string_view action = action_name(o.action);
  const std::pair<std::string_view, bool> given[] = {
      {"--suffix", o.suffix.has_value()},
      {"--roles", !o.roles.empty()},
      {"--to", o.to.has_value()},
      {"--from", o.from.has_value()},
      {"--name", o.name.has_value()},
      {"--force", o.force},
      {"--include-superusers", o.include_superusers},
      {"--json", o.json},
  };
  for (const auto& [flag, is_given] : given) {
    if (is_given && !takes(o.action, flag)) {
      throw usage_error(
          fmt::format("role {} does not take {} (it applies to: {})", action, flag, takers(flag)));
    }
  }
  if ((o.action == Action::create_login || o.action == Action::drop_login) && !o.name) {
    throw Error(fmt::format("role {} needs --name NAME", action))
        .hint(fmt::format("pum -p ... role {} --name alice", action));
  }
  if (o.action == Action::members && o.roles.size() != 1) {
    throw Error(
        fmt::format("role members needs exactly one role in --roles (got {})", o.roles.size()))
        .hint("pum -p ... role members --roles viewer [--suffix S]");
  }
  if (o.suffix) check_new_name(*o.suffix, "--suffix");
}

void make_read_only(db::Connection& conn) { conn.exec(sql::read_only_snapshot()); }

bool changes_database(Action action) {
  return action != Action::list && action != Action::login_roles && action != Action::members;
}

std::string run_action(db::Connection& conn, const config::Config& config, const ActionOptions& o,
                       bool colour) {
  const bool on_configured_roles = o.action == Action::create || o.action == Action::grant ||
                                   o.action == Action::revoke || o.action == Action::drop;
  if (on_configured_roles && config.roles.empty()) {
    log::warning("{} declares no roles: nothing to {}", config.display_file, action_name(o.action));
    return {};
  }
  switch (o.action) {
    case Action::create: {
      const auto selected = select_roles(config, o.roles);
      const auto generic = targets_of(selected, std::nullopt);
      std::size_t created = create_roles(conn, generic).size();
      if (o.suffix) {
        // The generic roles exist too, without permissions of their own here: the
        // database-specific roles hold them, with no membership between the two families.
        const auto variants = targets_of(selected, o.suffix);
        created += create_roles(conn, variants).size();
        if (created == 0) log::info("All roles already exist.");
        grant_permissions(conn, variants);
      } else {
        if (created == 0) log::info("All roles already exist.");
        grant_permissions(conn, generic);
      }
      return {};
    }
    case Action::grant: {
      const auto targets = selected_targets(config, o);
      if (o.to) {
        grant_to(conn, targets, *o.to);
      } else {
        require_existing(conn, targets, o.suffix);
        grant_permissions(conn, targets);
      }
      return {};
    }
    case Action::revoke: {
      const auto targets = selected_targets(config, o);
      if (o.from) {
        revoke_from(conn, targets, *o.from);
      } else {
        revoke_permissions(conn, config, targets);
      }
      return {};
    }
    case Action::drop:
      drop_roles(conn, config, selected_targets(config, o), o.force);
      return {};
    case Action::create_login:
      create_login(conn, *o.name);
      return {};
    case Action::drop_login:
      drop_login(conn, *o.name, o.force);
      return {};
    case Action::list:
      return list(conn, config, o, colour);
    case Action::login_roles: {
      const std::vector<std::string> names = catalog::login_roles(conn);
      if (o.json) return login_roles_json(names);
      if (names.empty()) log::info("No login roles found.");
      return names_text(names);
    }
    case Action::members:
      return members(conn, config, o);
  }
  return {};
}

}  // namespace pum::roles
