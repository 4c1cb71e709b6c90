#include "pum/roles/catalog.hpp"

#include <nlohmann/json.hpp>

#include "pum/roles/roles_sql.hpp"

namespace pum::roles::catalog {

namespace {

std::vector<std::string> first_column(const db::Result& result) {
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(result.rows()));
  for (int i = 0; i < result.rows(); ++i) out.emplace_back(result.text(i, 0));
  return out;
}

// A list of names as one parameter: a JSON array, unpacked by the server.
std::string json_array(const std::vector<std::string>& names) {
  return nlohmann::json(names).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::optional<RoleFlags> role(db::Connection& conn, const std::string& name) {
  db::Result r = conn.query(sql::role_query(), {name});
  if (r.rows() == 0) return std::nullopt;
  return RoleFlags{r.boolean(0, 0), r.boolean(0, 1)};
}

bool schema_exists(db::Connection& conn, const std::string& schema) {
  return conn.query(sql::schema_exists_query(), {schema}).rows() > 0;
}

std::vector<std::string> schema_types(db::Connection& conn, const std::string& schema) {
  return first_column(conn.query(sql::schema_types_query(), {schema}));
}

std::vector<std::string> parents(db::Connection& conn, const std::string& name) {
  return first_column(conn.query(sql::parents_query(), {name}));
}

std::vector<std::string> login_roles(db::Connection& conn) {
  return first_column(conn.query(sql::login_roles_query()));
}

std::vector<std::string> login_members(db::Connection& conn, const std::string& role) {
  return first_column(conn.query(sql::login_members_query(), {role}));
}

Access access(db::Connection& conn, const std::string& role, const std::string& schema) {
  db::Result r = conn.query(sql::access_query(), {role, schema});
  if (r.rows() != 1) return {};
  return Access{r.boolean(0, 0), r.boolean(0, 1)};
}

Facts inventory_facts(db::Connection& conn, const std::vector<std::string>& configured_schemas) {
  Facts facts;
  db::Result roles = conn.query(sql::all_roles_query());
  for (int i = 0; i < roles.rows(); ++i) {
    facts.roles.push_back(
        DbRole{std::string(roles.text(i, 0)), roles.boolean(i, 1), roles.boolean(i, 2)});
  }
  db::Result members = conn.query(sql::all_memberships_query());
  for (int i = 0; i < members.rows(); ++i) {
    facts.memberships.emplace_back(members.text(i, 0), members.text(i, 1));
  }
  const std::string schemas = json_array(configured_schemas);
  facts.existing_schemas = first_column(conn.query(sql::existing_schemas_query(), {schemas}));
  db::Result usage = conn.query(sql::schema_usage_query(), {schemas});
  for (int i = 0; i < usage.rows(); ++i) {
    facts.usage.emplace_back(usage.text(i, 0), usage.text(i, 1));
  }
  return facts;
}

void add_access(db::Connection& conn, Facts& facts, const std::vector<Match>& matches) {
  for (const auto& match : matches) {
    for (const auto& permission : match.role->permissions) {
      for (const auto& schema : permission.schemas) {
        if (facts.access.count({match.name, schema}) != 0) continue;
        facts.access[{match.name, schema}] = access(conn, match.name, schema);
      }
    }
  }
}

}  // namespace pum::roles::catalog
