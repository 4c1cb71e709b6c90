#pragma once
// What the roles module asks the server (pg_catalog, inside the command's transaction). The SQL
// is in roles_sql.cpp; this file runs it and turns rows into values.
#include <optional>
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/roles/inventory.hpp"

namespace pum::roles::catalog {

struct RoleFlags {
  bool login = false;
  bool superuser = false;
};

// nullopt when there is no such role.
std::optional<RoleFlags> role(db::Connection& conn, const std::string& name);
bool schema_exists(db::Connection& conn, const std::string& schema);
// The schema's grantable types (unqualified names), for GRANT/REVOKE ... ON TYPE.
std::vector<std::string> schema_types(db::Connection& conn, const std::string& schema);
// The roles `name` is a direct member of.
std::vector<std::string> parents(db::Connection& conn, const std::string& name);
std::vector<std::string> login_roles(db::Connection& conn);
std::vector<std::string> login_members(db::Connection& conn, const std::string& role);
// Read and write access of an existing role on an existing schema (inventory.hpp's Access).
Access access(db::Connection& conn, const std::string& role, const std::string& schema);

// Everything `role list` needs about the cluster and the configured schemas, in two rounds: the
// roles, memberships, existing schemas and schema USAGE first, then read/write access of the
// roles that stand for configured ones (`matches`).
Facts inventory_facts(db::Connection& conn, const std::vector<std::string>& configured_schemas);
void add_access(db::Connection& conn, Facts& facts, const std::vector<Match>& matches);

}  // namespace pum::roles::catalog
