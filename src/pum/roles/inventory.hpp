#pragma once
// `role list`: which configured roles exist (under their own name or as
// database-specific variants), whether they hold their permissions, which are missing, and who
// else can reach the configured schemas. Pure: the facts come from catalog.hpp, the rendering
// from inventory_format.hpp.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/config/config.hpp"

namespace pum::roles {

// ---- Facts read from the server ----

struct DbRole {
  std::string name;
  bool login = false;
  bool superuser = false;
};

struct Access {
  bool read = false;   // USAGE on the schema + SELECT on every table, view, materialized view
  bool write = false;  // CREATE on the schema + INSERT, UPDATE, DELETE on every table
};

struct Facts {
  std::vector<DbRole> roles;                                     // all but pg_*, by name
  std::vector<std::pair<std::string, std::string>> memberships;  // (member, role), direct
  std::vector<std::string> existing_schemas;                     // configured ones that exist
  std::vector<std::pair<std::string, std::string>> usage;        // (role, schema) with USAGE
  std::map<std::pair<std::string, std::string>, Access> access;  // (role, schema) of matches
};

// A database role standing for a configured role.
struct Match {
  std::string name;                   // the database role
  const config::Role* role;           // the configured role
  std::optional<std::string> suffix;  // set for a database-specific variant
};

// Every schema named by a permission of a configured role, in order of first appearance.
std::vector<std::string> configured_schemas(const config::Config& config);

// The database roles that stand for configured roles: `name` itself, or `name_<suffix>` for a
// non-empty suffix (the longest configured name wins; a configured name always means itself).
// In configuration order, the role itself first, then its variants by name.
std::vector<Match> match_roles(const config::Config& config, const std::vector<DbRole>& roles);

// ---- The inventory ----

struct SchemaStatus {
  std::string name;
  bool exists = false;
  bool expect_read = false;
  bool expect_write = false;
  // A role whose database-specific variants exist is not expected to hold anything itself
  // (isolation): its schemas are shown but not checked.
  bool held_by_variants = false;
  Access actual;
  bool satisfied = false;
};

struct RoleStatus {
  std::string name;
  std::string configured;  // the configured role's name
  std::optional<std::string> suffix;
  bool login = false;
  bool superuser = false;
  std::vector<std::string> member_of;
  std::vector<SchemaStatus> schemas;
  bool satisfied = false;  // every schema satisfied
};

// A role that is not configured: a member of a configured role (grantee), one that otherwise
// reaches a configured schema (other), or a login role that reaches none (other login).
struct OtherRole {
  std::string name;
  bool login = false;
  bool superuser = false;
  std::vector<std::string> member_of;
  std::vector<std::string> schemas;  // configured schemas it has USAGE on
};

struct Inventory {
  std::string module;
  std::size_t configured = 0;                         // roles in .pum.yaml
  std::vector<std::pair<std::string, bool>> schemas;  // configured schema, exists
  std::vector<RoleStatus> roles;
  std::vector<std::string> missing;  // configured roles with neither the role nor a variant
  std::vector<OtherRole> grantees;
  std::vector<OtherRole> others;
  std::vector<OtherRole> other_logins;

  [[nodiscard]] std::size_t unsatisfied() const;
  [[nodiscard]] std::size_t variants() const;
};

// Superusers reach everything: they are left out of the non-configured sections unless
// include_superusers.
Inventory build_inventory(const config::Config& config, const Facts& facts,
                          const std::vector<Match>& matches, bool include_superusers);

}  // namespace pum::roles
