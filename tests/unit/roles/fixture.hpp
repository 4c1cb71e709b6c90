#pragma once
// Configurations built by hand for the roles tests (no file), and quoting without a connection.
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/roles/roles_sql.hpp"

namespace pum::roles::test {

inline config::Role role(std::string name, std::vector<config::Permission> permissions = {},
                         std::optional<std::string> inherit = std::nullopt,
                         std::optional<std::string> description = std::nullopt) {
  config::Role r;
  r.name = std::move(name);
  r.permissions = std::move(permissions);
  r.inherit = std::move(inherit);
  r.description = std::move(description);
  return r;
}

inline config::Permission read(std::vector<std::string> schemas) {
  return {config::PermissionType::read, std::move(schemas)};
}
inline config::Permission write(std::vector<std::string> schemas) {
  return {config::PermissionType::write, std::move(schemas)};
}

// pum's test_roles fixture: a viewer reading s1, a user inheriting it and writing s2.
inline config::Config viewer_user() {
  config::Config c;
  c.module = "m";
  c.display_file = ".pum.yaml";
  c.roles.push_back(role("viewer", {read({"s1"})}, std::nullopt, "Reads s1"));
  c.roles.push_back(role("user", {write({"s2"})}, "viewer"));
  return c;
}

// What PQescapeIdentifier and PQescapeLiteral (UTF-8, standard_conforming_strings on) produce.
inline std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

inline std::string quote_literal(std::string_view value) {
  std::string out = "'";
  bool backslash = false;
  for (char c : value) {
    if (c == '\'') out += '\'';
    if (c == '\\') {
      out += '\\';
      backslash = true;
    }
    out += c;
  }
  out += "'";
  return backslash ? " E" + out : out;
}

inline sql::Quoting quoting() { return {quote_ident, quote_literal}; }

}  // namespace pum::roles::test
