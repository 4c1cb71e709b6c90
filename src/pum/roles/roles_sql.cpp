#include "pum/roles/roles_sql.hpp"

#include <fmt/format.h>

namespace pum::roles::sql {

Quoting quoting_of(const db::Connection& conn) {
  return Quoting{[&conn](std::string_view name) { return conn.quote_ident(name); },
                 [&conn](std::string_view value) { return conn.quote_literal(value); }};
}

std::string create_role(const Quoting& q, std::string_view role, bool login) {
  return fmt::format("CREATE ROLE {} {} NOSUPERUSER INHERIT NOCREATEDB NOCREATEROLE NOREPLICATION",
                     q.ident(role), login ? "LOGIN" : "NOLOGIN");
}

std::string comment_on_role(const Quoting& q, std::string_view role, std::string_view comment) {
  return fmt::format("COMMENT ON ROLE {} IS {}", q.ident(role), q.literal(comment));
}

std::string grant_membership(const Quoting& q, std::string_view role, std::string_view member) {
  return fmt::format("GRANT {} TO {}", q.ident(role), q.ident(member));
}

std::string revoke_membership(const Quoting& q, std::string_view role, std::string_view member) {
  return fmt::format("REVOKE {} FROM {}", q.ident(role), q.ident(member));
}

namespace {

std::string qualified_types(const Quoting& q, const std::string& schema,
                            const std::vector<std::string>& types) {
  std::string list;
  for (const auto& type : types) {
    if (!list.empty()) list += ", ";
    list += schema + "." + q.ident(type);
  }
  return list;
}

}  // namespace

std::vector<std::string> grant_permission(const Quoting& q, config::PermissionType type,
                                          std::string_view schema,
                                          const std::vector<std::string>& types,
                                          std::string_view role) {
  const std::string s = q.ident(schema);
  const std::string r = q.ident(role);
  const bool read = type == config::PermissionType::read;
  const char* on_schema = read ? "USAGE" : "ALL";
  const char* on_tables = read ? "SELECT, REFERENCES, TRIGGER" : "ALL";
  const char* on_sequences = read ? "USAGE, SELECT" : "ALL";
  const char* on_routines = read ? "EXECUTE" : "ALL";
  const char* on_types = read ? "USAGE" : "ALL";

  std::vector<std::string> out;
  out.push_back(fmt::format("GRANT {} ON SCHEMA {} TO {}", on_schema, s, r));
  out.push_back(fmt::format("GRANT {} ON ALL TABLES IN SCHEMA {} TO {}", on_tables, s, r));
  out.push_back(fmt::format("GRANT {} ON ALL SEQUENCES IN SCHEMA {} TO {}", on_sequences, s, r));
  out.push_back(fmt::format("GRANT {} ON ALL ROUTINES IN SCHEMA {} TO {}", on_routines, s, r));
  if (!types.empty()) {
    out.push_back(
        fmt::format("GRANT {} ON TYPE {} TO {}", on_types, qualified_types(q, s, types), r));
  }
  const auto adp = [&](const char* privileges, const char* objects) {
    out.push_back(fmt::format("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT {} ON {} TO {}", s,
                              privileges, objects, r));
  };
  adp(on_tables, "TABLES");
  adp(on_sequences, "SEQUENCES");
  adp(on_routines, "FUNCTIONS");  // FUNCTIONS covers procedures here (ROUTINES is a synonym)
  adp(on_types, "TYPES");
  return out;
}

std::vector<std::string> revoke_all(const Quoting& q, std::string_view schema,
                                    const std::vector<std::string>& types, std::string_view role) {
  const std::string s = q.ident(schema);
  const std::string r = q.ident(role);
  std::vector<std::string> out;
  for (const char* objects : {"TABLES", "SEQUENCES", "FUNCTIONS", "TYPES"}) {
    out.push_back(fmt::format("ALTER DEFAULT PRIVILEGES IN SCHEMA {} REVOKE ALL ON {} FROM {}", s,
                              objects, r));
  }
  for (const char* objects : {"TABLES", "SEQUENCES", "ROUTINES"}) {
    out.push_back(fmt::format("REVOKE ALL ON ALL {} IN SCHEMA {} FROM {}", objects, s, r));
  }
  if (!types.empty()) {
    out.push_back(fmt::format("REVOKE ALL ON TYPE {} FROM {}", qualified_types(q, s, types), r));
  }
  out.push_back(fmt::format("REVOKE ALL ON SCHEMA {} FROM {}", s, r));
  return out;
}

std::string reassign_owned_to_current_user(const Quoting& q, std::string_view role) {
  return fmt::format("REASSIGN OWNED BY {} TO CURRENT_USER", q.ident(role));
}

std::string drop_owned(const Quoting& q, std::string_view role) {
  return fmt::format("DROP OWNED BY {}", q.ident(role));
}

std::string drop_role(const Quoting& q, std::string_view role) {
  return fmt::format("DROP ROLE {}", q.ident(role));
}

std::string_view read_only_snapshot() {
  return "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";
}

// ---- Catalog queries: pg_catalog only, values as parameters. ----

std::string_view role_query() {
  return "SELECT rolcanlogin, rolsuper FROM pg_catalog.pg_roles WHERE rolname = $1";
}

std::string_view schema_exists_query() {
  return "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1";
}

std::string_view schema_types_query() {
  return R"(SELECT t.typname
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = $1
  AND t.typtype IN ('b', 'c', 'd', 'e', 'r')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type a WHERE a.typarray = t.oid)
  AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                                   WHERE c.oid = t.typrelid AND c.relkind = 'c'))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY t.typname)";
}

std::string_view parents_query() {
  return R"(SELECT DISTINCT p.rolname
FROM pg_catalog.pg_auth_members a
JOIN pg_catalog.pg_roles m ON m.oid = a.member
JOIN pg_catalog.pg_roles p ON p.oid = a.roleid
WHERE m.rolname = $1
ORDER BY p.rolname)";
}

std::string_view login_roles_query() {
  return R"(SELECT rolname FROM pg_catalog.pg_roles
WHERE rolcanlogin AND NOT rolsuper AND rolname !~ '^pg_'
ORDER BY rolname)";
}

std::string_view login_members_query() {
  return R"(SELECT DISTINCT m.rolname
FROM pg_catalog.pg_auth_members a
JOIN pg_catalog.pg_roles m ON m.oid = a.member
JOIN pg_catalog.pg_roles p ON p.oid = a.roleid
WHERE p.rolname = $1 AND m.rolcanlogin
ORDER BY m.rolname)";
}

std::string_view all_roles_query() {
  return R"(SELECT rolname, rolcanlogin, rolsuper FROM pg_catalog.pg_roles
WHERE rolname !~ '^pg_'
ORDER BY rolname)";
}

std::string_view all_memberships_query() {
  return R"(SELECT DISTINCT m.rolname, p.rolname
FROM pg_catalog.pg_auth_members a
JOIN pg_catalog.pg_roles m ON m.oid = a.member
JOIN pg_catalog.pg_roles p ON p.oid = a.roleid
WHERE m.rolname !~ '^pg_'
ORDER BY 1, 2)";
}

std::string_view existing_schemas_query() {
  return R"(SELECT nspname FROM pg_catalog.pg_namespace
WHERE nspname IN (SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))
ORDER BY nspname)";
}

std::string_view schema_usage_query() {
  return R"(SELECT r.rolname, n.nspname
FROM pg_catalog.pg_roles r
CROSS JOIN pg_catalog.pg_namespace n
WHERE n.nspname IN (SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))
  AND r.rolname !~ '^pg_'
  AND pg_catalog.has_schema_privilege(r.oid, n.oid, 'USAGE')
ORDER BY 1, 2)";
}

std::string_view access_query() {
  return R"(SELECT
  pg_catalog.has_schema_privilege(r.oid, n.oid, 'USAGE')
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_class c
    WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND NOT pg_catalog.has_table_privilege(r.oid, c.oid, 'SELECT')),
  pg_catalog.has_schema_privilege(r.oid, n.oid, 'CREATE')
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_class c
    WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
      AND NOT (pg_catalog.has_table_privilege(r.oid, c.oid, 'INSERT')
               AND pg_catalog.has_table_privilege(r.oid, c.oid, 'UPDATE')
               AND pg_catalog.has_table_privilege(r.oid, c.oid, 'DELETE')))
FROM pg_catalog.pg_roles r, pg_catalog.pg_namespace n
WHERE r.rolname = $1 AND n.nspname = $2)";
}

}  // namespace pum::roles::sql
