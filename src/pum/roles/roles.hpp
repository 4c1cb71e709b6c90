#pragma once
// Roles and permissions of .pum.yaml as install, upgrade and demo data apply them.
// Both work inside the caller's transaction. The `role` command (actions.hpp) offers the rest.
#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"

namespace pum::roles {

// Creates the configured roles that do not exist yet (existing ones are left as they are), each
// with its description and its membership in the role it inherits. install calls it unless
// --skip-roles (--skip-roles really skips it); upgrade unless --skip-grant.
void create_configured_roles(db::Connection& conn, const config::Config& config);

// Grants every configured role its own permissions: read/write on the schemas and on their
// tables, sequences, routines and types, plus default privileges for objects the
// current user creates later. A role that does not exist (install --skip-roles) or a schema
// that does not exist is skipped with a warning; the others are granted. Logs
// "Permissions granted to roles: a, b." Used by install, upgrade and demo data (step 4).
void grant_configured_permissions(db::Connection& conn, const config::Config& config);

}  // namespace pum::roles
