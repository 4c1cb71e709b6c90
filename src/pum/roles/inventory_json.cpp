// The JSON of `role list --json`, `role login-roles --json` and `role members --json` (layout in
// docs/roles.md). Keys are written in a fixed order; names are UTF-8 as the server returns them.
#include <nlohmann/json.hpp>

#include "pum/roles/inventory_format.hpp"

namespace pum::roles {

namespace {

using Json = nlohmann::ordered_json;

Json string_or_null(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json schema_json(const SchemaStatus& s) {
  Json expected = Json::array();
  if (!s.held_by_variants) {
    if (s.expect_read) expected.push_back("read");
    if (s.expect_write) expected.push_back("write");
  }
  Json j;
  j["name"] = s.name;
  j["exists"] = s.exists;
  j["expected"] = expected;
  j["held_by_variants"] = s.held_by_variants;
  j["read"] = s.actual.read;
  j["write"] = s.actual.write;
  j["satisfied"] = s.satisfied;
  return j;
}

Json role_json(const RoleStatus& r) {
  Json j;
  j["name"] = r.name;
  j["configured_role"] = r.configured;
  j["suffix"] = string_or_null(r.suffix);
  j["login"] = r.login;
  j["superuser"] = r.superuser;
  j["member_of"] = r.member_of;
  j["satisfied"] = r.satisfied;
  Json schemas = Json::array();
  for (const auto& s : r.schemas) schemas.push_back(schema_json(s));
  j["schemas"] = schemas;
  return j;
}

Json other_json(const OtherRole& r) {
  Json j;
  j["name"] = r.name;
  j["login"] = r.login;
  j["superuser"] = r.superuser;
  j["member_of"] = r.member_of;
  j["schemas"] = r.schemas;
  return j;
}

Json others_json(const std::vector<OtherRole>& roles) {
  Json out = Json::array();
  for (const auto& r : roles) out.push_back(other_json(r));
  return out;
}

std::string dump(const Json& j) {
  // Invalid UTF-8 in a name (possible with SQL_ASCII databases) must not abort the listing.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string inventory_json(const Inventory& inv) {
  Json j;
  j["format_version"] = kInventoryFormatVersion;
  j["module"] = inv.module;
  Json schemas = Json::array();
  for (const auto& [name, exists] : inv.schemas) {
    Json s;
    s["name"] = name;
    s["exists"] = exists;
    schemas.push_back(s);
  }
  j["schemas"] = schemas;
  Json roles = Json::array();
  for (const auto& r : inv.roles) roles.push_back(role_json(r));
  j["roles"] = roles;
  j["missing_roles"] = inv.missing;
  j["grantee_roles"] = others_json(inv.grantees);
  j["other_roles"] = others_json(inv.others);
  j["other_login_roles"] = others_json(inv.other_logins);
  Json summary;
  summary["configured"] = inv.configured;
  summary["present"] = inv.roles.size();
  summary["variants"] = inv.variants();
  summary["missing"] = inv.missing.size();
  summary["unsatisfied"] = inv.unsatisfied();
  summary["satisfied"] = inv.unsatisfied() == 0 && inv.missing.empty();
  j["summary"] = summary;
  return dump(j);
}

std::string login_roles_json(const std::vector<std::string>& names) {
  Json j;
  j["login_roles"] = names;
  return dump(j);
}

std::string members_json(const std::string& role, const std::vector<std::string>& members) {
  Json j;
  j["role"] = role;
  j["members"] = members;
  return dump(j);
}

}  // namespace pum::roles
