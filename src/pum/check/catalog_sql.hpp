#pragma once
// Every SQL text `check` sends, in one place (STYLE: all of our own SQL in one module). The
// queries read pg_catalog only (information_schema views are slow and hide what the user has no
// privilege on). Each takes $1 = the excluded schemas (text[]); schemas named pg_* (pg_catalog,
// pg_toast, temporary schemas) and information_schema are always excluded, and so are the
// objects that belong to an extension (the extension's version says what they are).
#include <string>
#include <string_view>

namespace pum::check::sql {

// Session settings that change how definitions are printed, pinned inside the snapshot's
// transaction: an empty search_path qualifies every name; dates, intervals, floats and bytea
// print the same whatever the database's or role's defaults are. Catalog queries are short:
// parallel workers (cold catalog caches of their own) and JIT only slow them down.
extern const std::string_view kBeginSnapshot;
extern const std::string_view kEndSnapshot;

// n.nspname, c.relname, c.relkind, view definition ($2: views, $3: materialized views; $4: the
// stored tree of the view's rule instead, for a fingerprint), owning table of a sequence (schema,
// name), oid.
extern const std::string_view kRelations;
// owner (view oid or CHECK constraint oid), referenced oid, referenced column number, the
// referenced object's name, the referenced column's name: what the stored trees refer to
// ($2: view rules, $3: CHECK constraints).
extern const std::string_view kTreeDependencies;
// schema, table, column, default (or generation/identity), not null, true type oid, true typmod
// (a domain's base type, as information_schema reports it).
extern const std::string_view kColumns;
// $1: oid[] of types: oid, data_type as information_schema prints it.
extern const std::string_view kDataTypes;
// schema, table, name, contype, definition (NULL when fingerprinted, $2), column, foreign
// schema, foreign table, foreign column, oid, key position, CHECK tree, fingerprint of the rest:
// one row per key column (CHECK: one row without columns). Through versioned().
extern const std::string_view kConstraints;
// schema, table, index, column (or expression), definition (NULL when fingerprinted, $2), oid,
// column position, fingerprint of the index, fingerprint of the column: one row per index
// column. Through versioned().
extern const std::string_view kIndexes;
// schema, table, trigger, function source, trigger definition (NULL when fingerprinted, $2),
// oid, fingerprint.
extern const std::string_view kTriggers;
// schema, name, parameter data_type (NULL without parameters), definition, identity arguments.
extern const std::string_view kFunctions;
// schema, table, rule, event.
extern const std::string_view kRules;
// schema, name, typtype, definition: composite, domain, range, base and enum types.
extern const std::string_view kTypes;
// name, version, schema.
extern const std::string_view kExtensions;
// schema, table, policy, command, permissive, roles, using, with check (and one row per table
// with row level security enabled / forced).
extern const std::string_view kPolicies;
// object type, schema, object name, grantee, privileges (owners' own rights left out).
extern const std::string_view kPrivileges;
// object type, schema, object name, comment.
extern const std::string_view kComments;
// object type, schema, object name, owner.
extern const std::string_view kOwnership;

// $1: role names (text[]); how many of them exist.
extern const std::string_view kCountRoles;
// CREATE / DROP of the scratch database of `drift`; the name is quoted by the caller.
extern const std::string_view kCreateDatabase;     // fmt pattern: {name}
extern const std::string_view kDropDatabaseForce;  // PostgreSQL 13+
extern const std::string_view kDropDatabase;
// $1: database name; ends the other sessions connected to it (before DROP on PostgreSQL < 13).
extern const std::string_view kTerminateSessions;

// $1: oid[]; oid and PostgreSQL's definition (the second phase of a comparison).
extern const std::string_view kResolveViews;
extern const std::string_view kResolveIndexes;
extern const std::string_view kResolveConstraints;
extern const std::string_view kResolveTriggers;

// The query for that server version (columns that exist from some version on).
std::string versioned(std::string_view query, int server_version_num);

}  // namespace pum::check::sql
