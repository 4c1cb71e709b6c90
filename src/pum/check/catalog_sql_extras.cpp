// The SQL of the extra kinds (--include) and of drift's scratch database; see catalog_sql.hpp.
#include "pum/check/catalog_sql.hpp"

namespace pum::check::sql {

const std::string_view kTypes = R"SQL(
SELECT n.nspname, t.typname, t.typtype,
  CASE t.typtype
    WHEN 'c' THEN '(' || COALESCE((
      SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname) || ' ' ||
                                   pg_catalog.format_type(a.atttypid, a.atttypmod), ', '
                                   ORDER BY a.attnum)
      FROM pg_catalog.pg_attribute a
      WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
    WHEN 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)
      || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
      || COALESCE(' DEFAULT ' || pg_catalog.pg_get_expr(t.typdefaultbin, 0), '')
      || COALESCE((SELECT ' ' || pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(co.oid), ' '
                                                       ORDER BY co.conname)
                   FROM pg_catalog.pg_constraint co WHERE co.contypid = t.oid), '')
    WHEN 'r' THEN 'RANGE (SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL) || ')'
    WHEN 'e' THEN (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', '
                                                ORDER BY e.enumsortorder)
                   FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
    ELSE pg_catalog.format_type(t.oid, NULL) END
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r')
  AND (t.typrelid = 0 OR c.relkind = 'c')
  AND NOT (t.typelem <> 0 AND t.typlen = -1)
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND e.objid = t.oid AND e.deptype = 'e')
)SQL";

const std::string_view kExtensions = R"SQL(
SELECT x.extname, x.extversion, n.nspname
FROM pg_catalog.pg_extension x
JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
)SQL";

const std::string_view kPolicies = R"SQL(
SELECT n.nspname, c.relname, p.polname,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
       CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
       (SELECT pg_catalog.string_agg(g.name, ', ' ORDER BY g.name)
        FROM (SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r.oid) END
              FROM pg_catalog.unnest(p.polroles) AS r(oid)) AS g(name)),
       pg_catalog.pg_get_expr(p.polqual, p.polrelid),
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
UNION ALL
SELECT n.nspname, c.relname, NULL, s.command, NULL, NULL, NULL, NULL
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (VALUES ('ENABLE ROW LEVEL SECURITY', c.relrowsecurity),
                           ('FORCE ROW LEVEL SECURITY', c.relforcerowsecurity)) AS s(command, isset)
WHERE s.isset
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
)SQL";

// ACLs are exploded (their order depends on the order of the GRANTs), NULL ACLs expanded to the
// defaults, and the owner's own rights left out (ownership is a kind of its own).
const std::string_view kPrivileges = R"SQL(
WITH acl(object_type, nspname, name, owner, item) AS (
  SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                        ELSE 'table' END,
         n.nspname, c.relname, c.relowner,
         pg_catalog.aclexplode(COALESCE(c.relacl, pg_catalog.acldefault(
           CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)))
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
    AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                      AND e.objid = c.oid AND e.deptype = 'e')
  UNION ALL
  SELECT 'column', n.nspname, c.relname || '.' || a.attname, 0::pg_catalog.oid,
         pg_catalog.aclexplode(a.attacl)
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
    AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
  UNION ALL
  SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
         p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
         p.proowner,
         pg_catalog.aclexplode(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)))
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
    AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                      AND e.objid = p.oid AND e.deptype = 'e')
  UNION ALL
  SELECT 'schema', n.nspname, n.nspname, n.nspowner,
         pg_catalog.aclexplode(COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)))
  FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
  UNION ALL
  SELECT 'type', n.nspname, t.typname, t.typowner,
         pg_catalog.aclexplode(COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner)))
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
  WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r') AND (t.typrelid = 0 OR c.relkind = 'c')
    AND NOT (t.typelem <> 0 AND t.typlen = -1)
    AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND n.nspname <> ALL ($1::text[])
    AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                    WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                      AND e.objid = t.oid AND e.deptype = 'e')
)
SELECT object_type, nspname, name,
       CASE WHEN (item).grantee = 0 THEN 'PUBLIC'
            ELSE pg_catalog.pg_get_userbyid((item).grantee) END,
       pg_catalog.string_agg((item).privilege_type
                             || CASE WHEN (item).is_grantable THEN ' WITH GRANT OPTION' ELSE '' END,
                             ', ' ORDER BY (item).privilege_type)
FROM acl
WHERE (item).grantee <> owner
GROUP BY object_type, nspname, name, (item).grantee
)SQL";

const std::string_view kComments = R"SQL(
SELECT CASE WHEN d.objsubid <> 0 THEN 'column'
            ELSE CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                                WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                                WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'c' THEN 'type'
                                ELSE 'table' END END,
       n.nspname,
       CASE WHEN d.objsubid <> 0 THEN c.relname || '.' || a.attname ELSE c.relname END,
       d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_class c ON c.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND e.objid = c.oid AND e.deptype = 'e')
UNION ALL
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
       p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
       d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_proc p ON p.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND e.objid = p.oid AND e.deptype = 'e')
UNION ALL
SELECT 'type', n.nspname, t.typname, d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_type t ON t.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND e.objid = t.oid AND e.deptype = 'e')
UNION ALL
SELECT 'schema', n.nspname, n.nspname, d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_namespace n ON n.oid = d.objoid
WHERE d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
UNION ALL
SELECT 'constraint', n.nspname,
       COALESCE(c.relname, t.typname) || '.' || co.conname, d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_constraint co ON co.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace
LEFT JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
LEFT JOIN pg_catalog.pg_type t ON t.oid = co.contypid
WHERE d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
UNION ALL
SELECT 'trigger', n.nspname, c.relname || '.' || tg.tgname, d.description
FROM pg_catalog.pg_description d
JOIN pg_catalog.pg_trigger tg ON tg.oid = d.objoid
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
)SQL";

const std::string_view kOwnership = R"SQL(
SELECT 'schema', n.nspname, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner)
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
UNION ALL
SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'
                      WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                      ELSE 'table' END,
       n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND e.objid = c.oid AND e.deptype = 'e')
UNION ALL
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname,
       p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',
       pg_catalog.pg_get_userbyid(p.proowner)
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND e.objid = p.oid AND e.deptype = 'e')
UNION ALL
SELECT 'type', n.nspname, t.typname, pg_catalog.pg_get_userbyid(t.typowner)
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r') AND (t.typrelid = 0 OR c.relkind = 'c')
  AND NOT (t.typelem <> 0 AND t.typlen = -1)
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND n.nspname <> ALL ($1::text[])
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND e.objid = t.oid AND e.deptype = 'e')
)SQL";

const std::string_view kCountRoles =
    "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ANY ($1::text[])";
const std::string_view kCreateDatabase = "CREATE DATABASE {name}";
const std::string_view kDropDatabaseForce = "DROP DATABASE IF EXISTS {name} WITH (FORCE)";
const std::string_view kDropDatabase = "DROP DATABASE IF EXISTS {name}";
const std::string_view kTerminateSessions =
    "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
    "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()";

}  // namespace pum::check::sql
