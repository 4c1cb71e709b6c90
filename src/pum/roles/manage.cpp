#include "pum/roles/manage.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>
#include <map>
#include <optional>

#include "pum/config/suggest.hpp"
#include "pum/roles/catalog.hpp"
#include "pum/roles/roles_sql.hpp"
#include "pum/ui/log.hpp"

namespace pum::roles {

namespace {

void exec_all(db::Connection& conn, const std::vector<std::string>& statements) {
  for (const auto& statement : statements) conn.exec(statement);
}

// Schema facts asked once per command: whether it exists, its grantable types.
class SchemaCache {
 public:
  explicit SchemaCache(db::Connection& conn) : conn_(conn) {}
  // nullptr when the schema does not exist.
  const std::vector<std::string>* types(const std::string& schema) {
    auto it = cache_.find(schema);
    if (it == cache_.end()) {
      std::optional<std::vector<std::string>> types;
      if (catalog::schema_exists(conn_, schema)) types = catalog::schema_types(conn_, schema);
      it = cache_.emplace(schema, std::move(types)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  db::Connection& conn_;
  std::map<std::string, std::optional<std::vector<std::string>>> cache_;
};

std::string create_hint(const Target& target) {
  return target.suffix ? fmt::format("create it with: pum role create --suffix {}", *target.suffix)
                       : std::string("create it with: pum role create");
}

// DROP ROLE, with a hint when the role still owns objects or holds privileges (2BP01).
void drop_one(db::Connection& conn, const std::string& name, bool force,
              const std::string& force_flag) {
  const sql::Quoting q = sql::quoting_of(conn);
  if (force) {
    conn.exec(sql::reassign_owned_to_current_user(q, name));
    conn.exec(sql::drop_owned(q, name));
  }
  try {
    conn.exec(sql::drop_role(q, name));
  } catch (Error& error) {
    if (error.sqlstate() == "2BP01") {
      error.prefix(fmt::format("cannot drop role '{}': ", name));
      if (!force) {
        error.hint(fmt::format(
            "pass {} to reassign what it owns in this database to the current user and drop "
            "its remaining privileges first",
            force_flag));
      } else {
        error.hint(
            "it still owns objects or holds privileges in other databases of the cluster: run "
            "the same command against each of them first");
      }
    }
    throw;
  }
  log::info("Dropped role '{}'", name);
}

// CREATE ROLE, or false when another session created the role meanwhile. Roles belong to the
// server, not to a database, so no lock of ours covers them: two runs installing into two
// databases of one server (fleet install) both see the role missing, and the second CREATE waits
// for the first to commit, then fails with unique_violation. Inside a transaction the attempt
// runs under a savepoint, so that losing the race leaves the rest of the transaction intact.
bool create_role_unless_raced(db::Connection& conn, const sql::Quoting& q,
                              const std::string& name) {
  const bool in_transaction = PQtransactionStatus(conn.raw()) == PQTRANS_INTRANS;
  if (in_transaction) conn.exec("SAVEPOINT pum_create_role");
  try {
    conn.exec(sql::create_role(q, name, /*login=*/false));
  } catch (const Error& e) {
    const bool raced = e.sqlstate() == "23505" || e.sqlstate() == "42710";
    if (!raced) throw;
    if (in_transaction) {
      conn.exec("ROLLBACK TO SAVEPOINT pum_create_role");
      conn.exec("RELEASE SAVEPOINT pum_create_role");
    }
    log::debug("Role '{}' was created by another session meanwhile; left as it is", name);
    return false;
  }
  if (in_transaction) conn.exec("RELEASE SAVEPOINT pum_create_role");
  return true;
}

void require_role(db::Connection& conn, const std::string& name, const std::string& what,
                  const std::string& hint) {
  if (!catalog::role(conn, name)) {
    throw Error(fmt::format("role '{}' ({}) does not exist", name, what)).hint(hint);
  }
}

}  // namespace

std::vector<std::string> create_roles(db::Connection& conn, const std::vector<Target>& targets) {
  const sql::Quoting q = sql::quoting_of(conn);
  std::vector<std::string> created;
  for (const auto& target : targets) {
    if (catalog::role(conn, target.name)) {
      log::debug("Role '{}' already exists; left as it is", target.name);
      continue;
    }
    if (target.parent && !catalog::role(conn, *target.parent)) {
      throw Error(
          fmt::format("role '{}' inherits '{}', which does not exist", target.name, *target.parent))
          .hint(fmt::format("create '{}' first, or add '{}' to --roles", *target.parent,
                            target.role->inherit.value_or("")));
    }
    if (!create_role_unless_raced(conn, q, target.name)) continue;
    if (target.role->description) {
      std::string comment = *target.role->description;
      if (target.suffix) comment += fmt::format(" (specific to {})", *target.suffix);
      conn.exec(sql::comment_on_role(q, target.name, comment));
    }
    if (target.parent) conn.exec(sql::grant_membership(q, *target.parent, target.name));
    log::info("Created role '{}'", target.name);
    created.push_back(target.name);
  }
  return created;
}

std::vector<std::string> grant_permissions(db::Connection& conn,
                                           const std::vector<Target>& targets) {
  const sql::Quoting q = sql::quoting_of(conn);
  SchemaCache schemas(conn);
  std::vector<std::string> granted;
  for (const auto& target : targets) {
    if (!catalog::role(conn, target.name)) {
      log::warning("Role '{}' does not exist: its permissions are not granted ({})", target.name,
                   create_hint(target));
      continue;
    }
    for (const auto& permission : target.role->permissions) {
      for (const auto& schema : permission.schemas) {
        const std::vector<std::string>* types = schemas.types(schema);
        if (types == nullptr) {
          log::warning("Schema '{}' does not exist: {} permission of role '{}' not granted on it",
                       schema, config::to_string(permission.type), target.name);
          continue;
        }
        exec_all(conn, sql::grant_permission(q, permission.type, schema, *types, target.name));
      }
    }
    granted.push_back(target.name);
  }
  if (!granted.empty()) log::info("Permissions granted to roles: {}.", config::join(granted));
  return granted;
}

void revoke_permissions(db::Connection& conn, const config::Config& config,
                        const std::vector<Target>& targets) {
  const sql::Quoting q = sql::quoting_of(conn);
  SchemaCache schemas(conn);
  std::vector<std::string> revoked;
  for (const auto& target : targets) {
    if (!catalog::role(conn, target.name)) {
      log::info("Role '{}' does not exist; nothing to revoke", target.name);
      continue;
    }
    for (const auto& schema : schemas_with_inherited(config, *target.role)) {
      const std::vector<std::string>* types = schemas.types(schema);
      if (types == nullptr) continue;
      exec_all(conn, sql::revoke_all(q, schema, *types, target.name));
    }
    for (const auto& parent : catalog::parents(conn, target.name)) {
      if (!configured_role_of(config, parent)) continue;
      conn.exec(sql::revoke_membership(q, parent, target.name));
      log::info("Revoked membership of '{}' in '{}'", target.name, parent);
    }
    revoked.push_back(target.name);
  }
  if (!revoked.empty()) log::info("Permissions revoked from roles: {}.", config::join(revoked));
}

void drop_roles(db::Connection& conn, const config::Config& config,
                const std::vector<Target>& targets, bool force, const std::string& force_flag) {
  // Children (declared later) first: nothing configured still depends on a dropped parent.
  std::vector<Target> ordered(targets.rbegin(), targets.rend());
  for (const auto& target : ordered) {
    if (!catalog::role(conn, target.name)) {
      log::info("Role '{}' does not exist; nothing to drop", target.name);
      continue;
    }
    revoke_permissions(conn, config, {target});
    drop_one(conn, target.name, force, force_flag);
  }
}

void grant_to(db::Connection& conn, const std::vector<Target>& targets, const std::string& user) {
  check_name_length(user, "--to");
  require_role(conn, user, "--to", "create it first, e.g. pum role create-login --name " + user);
  for (const auto& target : targets) require_role(conn, target.name, "role", create_hint(target));
  const sql::Quoting q = sql::quoting_of(conn);
  for (const auto& target : targets) {
    conn.exec(sql::grant_membership(q, target.name, user));
    log::info("Granted role '{}' to '{}'", target.name, user);
  }
}

void revoke_from(db::Connection& conn, const std::vector<Target>& targets,
                 const std::string& user) {
  check_name_length(user, "--from");
  require_role(conn, user, "--from", "check the name: pum role login-roles lists login roles");
  for (const auto& target : targets) require_role(conn, target.name, "role", create_hint(target));
  const sql::Quoting q = sql::quoting_of(conn);
  for (const auto& target : targets) {
    conn.exec(sql::revoke_membership(q, target.name, user));
    log::info("Revoked role '{}' from '{}'", target.name, user);
  }
}

void create_login(db::Connection& conn, const std::string& name,
                  const std::optional<std::string>& password) {
  check_new_name(name, "--name");
  if (catalog::role(conn, name)) {
    throw Error(fmt::format("role '{}' already exists", name))
        .hint("pick another --name, or drop it first with pum role drop-login --name " + name);
  }
  const sql::Quoting q = sql::quoting_of(conn);
  std::string statement = sql::create_role(q, name, /*login=*/true);
  if (password) statement += " PASSWORD " + q.literal(conn.encrypt_password(*password, name));
  conn.exec(statement);
  log::info("Created login role '{}'", name);
}

void drop_login(db::Connection& conn, const std::string& name, bool force) {
  check_name_length(name, "--name");
  const auto flags = catalog::role(conn, name);
  if (!flags) {
    log::info("Role '{}' does not exist; nothing to drop", name);
    return;
  }
  if (!flags->login) {
    throw Error(fmt::format("role '{}' cannot log in: drop-login only drops login roles", name))
        .hint("a configured role is dropped with: pum role drop --roles <name>");
  }
  if (flags->superuser) {
    throw Error(fmt::format("role '{}' is a superuser: pum does not drop superusers", name))
        .hint("drop it by hand with DROP ROLE if you really mean it");
  }
  drop_one(conn, name, force, "--force");
}

}  // namespace pum::roles
