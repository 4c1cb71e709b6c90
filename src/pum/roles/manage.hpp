#pragma once
// The operations on roles, each inside the caller's transaction: a failure
// anywhere leaves every role and privilege as it was once the caller rolls back. Names reach the
// server through quote_ident only (roles_sql.hpp).
#include <optional>
#include <string>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/roles/targets.hpp"

namespace pum::roles {

// Creates the targets that do not exist (NOLOGIN; COMMENT from the description, "(specific to
// S)" appended for a variant; membership in the parent). Existing roles are left as they are.
// Throws pum::Error when a parent neither exists nor is created before its child. Returns the
// roles created.
std::vector<std::string> create_roles(db::Connection& conn, const std::vector<Target>& targets);

// Grants each existing target its own permissions (roles_sql.hpp grant_permission) on the
// schemas that exist. A missing role or schema is skipped with a warning. Returns the roles that
// were granted, and logs "Permissions granted to roles: a, b."
std::vector<std::string> grant_permissions(db::Connection& conn,
                                           const std::vector<Target>& targets);

// Takes back from each existing target everything on the schemas of its own and inherited
// permissions, and its memberships in configured roles (generic or variant).
void revoke_permissions(db::Connection& conn, const config::Config& config,
                        const std::vector<Target>& targets);

// Revokes, then (force) REASSIGN OWNED BY r TO CURRENT_USER and DROP OWNED BY r, then DROP ROLE,
// children before parents. A target that does not exist is skipped. `force_flag` names the
// option that sets force, for the hint when a role still owns objects.
void drop_roles(db::Connection& conn, const config::Config& config,
                const std::vector<Target>& targets, bool force,
                const std::string& force_flag = "--force");

// GRANT target TO user / REVOKE target FROM user. Every target and the user must exist.
void grant_to(db::Connection& conn, const std::vector<Target>& targets, const std::string& user);
void revoke_from(db::Connection& conn, const std::vector<Target>& targets, const std::string& user);

// CREATE ROLE name LOGIN, with the password when given (encrypted by libpq before it is sent:
// the clear text reaches neither the server nor its statement log). Without one, set it with
// ALTER ROLE or use another authentication. Throws pum::Error when the role exists.
void create_login(db::Connection& conn, const std::string& name,
                  const std::optional<std::string>& password = std::nullopt);
// Drops a login role (skipped when it does not exist). Refuses NOLOGIN roles (the configured
// roles, dropped with `role drop`) and superusers.
void drop_login(db::Connection& conn, const std::string& name, bool force);

}  // namespace pum::roles
