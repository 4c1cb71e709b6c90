#include "pum/python/roles_bindings.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pum/python/bridge.hpp"
#include "pum/roles/catalog.hpp"
#include "pum/roles/inventory.hpp"
#include "pum/roles/manage.hpp"
#include "pum/roles/targets.hpp"

namespace pum::python {

namespace py = pybind11;

namespace {

using Names = std::optional<std::vector<std::string>>;

// The roles a call works on: all configured ones (nullopt), or those named, in configuration
// order. An empty list selects none, as in pum 1.8.
std::vector<roles::Target> targets(const config::Config& config, const Names& names,
                                   const std::optional<std::string>& suffix) {
  if (names && names->empty()) return {};
  if (suffix) roles::check_new_name(*suffix, "suffix");
  return roles::targets_of(roles::select_roles(config, names.value_or(std::vector<std::string>{})),
                           suffix);
}

// One call: the log to Python, the caller's transaction, a commit when asked.
template <typename Body>
void on_connection(std::uintptr_t pgconn, bool commit, py::object sink, int level, Body body) {
  LogToPython log(std::move(sink), level);
  Borrowed b(pgconn);
  body(b.conn);
  if (commit) b.transaction.commit();
}

py::object expected_of(const roles::SchemaStatus& schema) {
  if (schema.held_by_variants) return py::none();
  if (schema.expect_write) return py::str("write");
  if (schema.expect_read) return py::str("read");
  return py::none();
}

py::dict schema_dict(const std::string& name, py::object expected, const roles::Access& access) {
  py::dict out;
  out["schema"] = name;
  out["expected"] = std::move(expected);
  out["has_read"] = access.read;
  out["has_write"] = access.write;
  return out;
}

// The inventory as plain values; pum.role_manager builds pum 1.8's dataclasses from it. Roles
// that are not configured (members of configured roles, and others reaching a configured schema)
// get their access on every configured schema that exists, sorted.
py::dict inventory(db::Connection& conn, const config::Config& config, bool include_superusers) {
  const std::vector<std::string> schemas = roles::configured_schemas(config);
  roles::Facts facts = roles::catalog::inventory_facts(conn, schemas);
  const std::vector<roles::Match> matches = roles::match_roles(config, facts.roles);
  roles::catalog::add_access(conn, facts, matches);
  const roles::Inventory inv = roles::build_inventory(config, facts, matches, include_superusers);

  py::list configured;
  for (const auto& role : inv.roles) {
    py::list schema_list;
    for (const auto& schema : role.schemas) {
      schema_list.append(schema_dict(schema.name, expected_of(schema), schema.actual));
    }
    py::dict entry;
    entry["name"] = role.name;
    entry["configured"] = role.configured;
    entry["suffix"] = role.suffix.value_or("");
    entry["login"] = role.login;
    entry["superuser"] = role.superuser;
    entry["granted_to"] = role.member_of;
    entry["schemas"] = schema_list;
    configured.append(entry);
  }
  const std::set<std::string> existing(facts.existing_schemas.begin(),
                                       facts.existing_schemas.end());
  py::list unknown;
  for (const auto* group : {&inv.grantees, &inv.others}) {
    for (const auto& other : *group) {
      py::list schema_list;
      for (const auto& schema : existing) {
        schema_list.append(
            schema_dict(schema, py::none(), roles::catalog::access(conn, other.name, schema)));
      }
      py::dict entry;
      entry["name"] = other.name;
      entry["login"] = other.login;
      entry["superuser"] = other.superuser;
      entry["granted_to"] = other.member_of;
      entry["schemas"] = schema_list;
      unknown.append(entry);
    }
  }
  py::list expected;
  for (const auto& role : config.roles) expected.append(role.name);
  py::list other_logins;
  for (const auto& other : inv.other_logins) other_logins.append(other.name);
  py::dict out;
  out["roles"] = configured;
  out["unknown"] = unknown;
  out["expected"] = expected;
  out["other_login_roles"] = other_logins;
  return out;
}

}  // namespace

void bind_roles(py::module_& m) {
  m.def("role_exists", [](std::uintptr_t pgconn, const std::string& name) {
    Borrowed b(pgconn);
    return roles::catalog::role(b.conn, name).has_value();
  });
  m.def("roles_create",
        [](std::uintptr_t pgconn, const ConfigHandle& h, const Names& names,
           std::optional<std::string> suffix, bool grant, bool commit, py::object sink, int level) {
          on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
            const config::Config& config = *h.config;
            const auto generic = targets(config, names, std::nullopt);
            roles::create_roles(conn, generic);
            if (suffix) {
              // The database-specific roles hold the permissions; the generic ones exist without
              // them, and neither family is a member of the other.
              const auto variants = targets(config, names, suffix);
              roles::create_roles(conn, variants);
              if (grant) roles::grant_permissions(conn, variants);
            } else if (grant) {
              roles::grant_permissions(conn, generic);
            }
          });
        });
  m.def("roles_grant",
        [](std::uintptr_t pgconn, const ConfigHandle& h, bool commit, py::object sink, int level) {
          on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
            roles::grant_permissions(conn, targets(*h.config, std::nullopt, std::nullopt));
          });
        });
  m.def("roles_revoke",
        [](std::uintptr_t pgconn, const ConfigHandle& h, const Names& names,
           std::optional<std::string> suffix, bool commit, py::object sink, int level) {
          on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
            roles::revoke_permissions(conn, *h.config, targets(*h.config, names, suffix));
          });
        });
  m.def("roles_drop", [](std::uintptr_t pgconn, const ConfigHandle& h, const Names& names,
                         std::optional<std::string> suffix, bool force, bool commit,
                         py::object sink, int level) {
    on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
      roles::drop_roles(conn, *h.config, targets(*h.config, names, suffix), force, "force=True");
    });
  });
  m.def("roles_grant_to",
        [](std::uintptr_t pgconn, const ConfigHandle& h, const std::string& to, const Names& names,
           std::optional<std::string> suffix, bool commit, py::object sink, int level) {
          on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
            roles::grant_to(conn, targets(*h.config, names, suffix), to);
          });
        });
  m.def(
      "roles_revoke_from",
      [](std::uintptr_t pgconn, const ConfigHandle& h, const std::string& from, const Names& names,
         std::optional<std::string> suffix, bool commit, py::object sink, int level) {
        on_connection(pgconn, commit, std::move(sink), level, [&](db::Connection& conn) {
          roles::revoke_from(conn, targets(*h.config, names, suffix), from);
        });
      });
  m.def("roles_create_login",
        [](std::uintptr_t pgconn, const std::string& name, std::optional<std::string> password,
           bool commit, py::object sink, int level) {
          on_connection(pgconn, commit, std::move(sink), level,
                        [&](db::Connection& conn) { roles::create_login(conn, name, password); });
        });
  m.def("roles_drop_login", [](std::uintptr_t pgconn, const std::string& name, bool commit,
                               py::object sink, int level) {
    on_connection(pgconn, commit, std::move(sink), level,
                  [&](db::Connection& conn) { roles::drop_login(conn, name, false); });
  });
  m.def("roles_login_roles", [](std::uintptr_t pgconn) {
    Borrowed b(pgconn);
    return roles::catalog::login_roles(b.conn);
  });
  m.def("roles_members_of", [](std::uintptr_t pgconn, const std::string& role) {
    Borrowed b(pgconn);
    return roles::catalog::login_members(b.conn, role);
  });
  m.def("roles_memberships_of", [](std::uintptr_t pgconn, const std::string& user) {
    Borrowed b(pgconn);
    return roles::catalog::parents(b.conn, user);
  });
  m.def("roles_inventory",
        [](std::uintptr_t pgconn, const ConfigHandle& h, bool include_superusers) {
          Borrowed b(pgconn);
          return inventory(b.conn, *h.config, include_superusers);
        });
}

}  // namespace pum::python
