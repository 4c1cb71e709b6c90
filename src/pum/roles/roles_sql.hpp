#pragma once
// Every SQL text of the roles module: the statements that create, grant, revoke and drop
// (built from quoted identifiers and literals, never from raw names), and the catalog queries
// (values passed as $n parameters). Nothing else in pum::roles writes SQL.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"

namespace pum::roles::sql {

// How names and values become SQL: the connection's libpq escaping in production
// (PQescapeIdentifier / PQescapeLiteral), an equivalent in unit tests.
struct Quoting {
  std::function<std::string(std::string_view)> ident;
  std::function<std::string(std::string_view)> literal;
};
Quoting quoting_of(const db::Connection& conn);

// ---- Statements (each one statement, for Connection::exec) ----

// A role as pum creates it: NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE NOREPLICATION, and
// LOGIN or NOLOGIN.
std::string create_role(const Quoting& q, std::string_view role, bool login);
std::string comment_on_role(const Quoting& q, std::string_view role, std::string_view comment);
// GRANT role TO member / REVOKE role FROM member (membership).
std::string grant_membership(const Quoting& q, std::string_view role, std::string_view member);
std::string revoke_membership(const Quoting& q, std::string_view role, std::string_view member);

// What a permission gives on one schema: the schema, its tables,
// sequences, routines and `types` (the schema's own grantable types, unqualified names), and
// default privileges on what the current user creates in it later.
//   read:  USAGE on the schema; SELECT, REFERENCES, TRIGGER on tables; USAGE, SELECT on
//          sequences; EXECUTE on routines; USAGE on types.
//   write: ALL on the schema, tables, sequences, routines and types.
std::vector<std::string> grant_permission(const Quoting& q, config::PermissionType type,
                                          std::string_view schema,
                                          const std::vector<std::string>& types,
                                          std::string_view role);
// Takes back everything the current user granted the role on the schema and its objects,
// default privileges included (whatever the permission type, so that a changed type or a
// privilege granted by hand does not survive a revoke or block a drop).
std::vector<std::string> revoke_all(const Quoting& q, std::string_view schema,
                                    const std::vector<std::string>& types, std::string_view role);

std::string reassign_owned_to_current_user(const Quoting& q, std::string_view role);
std::string drop_owned(const Quoting& q, std::string_view role);
std::string drop_role(const Quoting& q, std::string_view role);

// For a transaction that only reads the catalog (sent right after BEGIN).
std::string_view read_only_snapshot();

// ---- Catalog queries ----

// $1 role name → rolcanlogin, rolsuper (no row: no such role).
std::string_view role_query();
// $1 schema name → one row when the schema exists.
std::string_view schema_exists_query();
// $1 schema name → typname of the types GRANT ... ON TYPE accepts there (enums, composite
// types, domains, ranges, base types), without array types, table row types, multiranges and
// extension members; ordered by name.
std::string_view schema_types_query();
// $1 role name → the roles it is a direct member of, ordered.
std::string_view parents_query();
// Non-superuser LOGIN roles, pg_* excluded, ordered by name.
std::string_view login_roles_query();
// $1 role name → its direct members that can log in, ordered by name.
std::string_view login_members_query();
// Every role but pg_*: rolname, rolcanlogin, rolsuper, ordered by name.
std::string_view all_roles_query();
// Every direct membership: member name, role name, ordered (pg_* members excluded).
std::string_view all_memberships_query();
// $1 JSON array of schema names → those that exist, ordered.
std::string_view existing_schemas_query();
// $1 JSON array of schema names → (role, schema) for every role but pg_* with USAGE on one of
// them (directly, through a membership, or as superuser), ordered.
std::string_view schema_usage_query();
// $1 role, $2 schema → has_read, has_write: read = USAGE on the schema and SELECT
// on every table, view and materialized view in it; write = CREATE on the schema and INSERT,
// UPDATE and DELETE on every table in it.
std::string_view access_query();

}  // namespace pum::roles::sql
