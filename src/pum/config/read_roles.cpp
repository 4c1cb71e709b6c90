// `roles:` — database roles with read/write permissions on schemas. A role may inherit a role
// listed before it (pum creates and grants them in list order).
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "pum/config/fields.hpp"
#include "pum/config/sections.hpp"
#include "pum/config/suggest.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& role_keys() {
  static const KeyTable table{"in a role",
                              {
                                  {.name = "name",
                                   .required = true,
                                   .missing_hint = "add 'name: <role name>' to this role"},
                                  {.name = "permissions"},
                                  {.name = "inherit"},
                                  {.name = "description"},
                              }};
  return table;
}

const KeyTable& permission_keys() {
  static const KeyTable table{
      "in a permission",
      {
          {.name = "type", .required = true, .missing_hint = "add 'type: read' or 'type: write'"},
          {.name = "schemas",
           .required = true,
           .missing_hint = "add 'schemas: [<schema>, ...]' naming the schemas it applies to"},
      }};
  return table;
}

PermissionType read_permission_type(const YamlDocument& doc, const Field& field) {
  const std::string type = read_string(doc, field);
  if (type == "read") return PermissionType::read;
  if (type == "write") return PermissionType::write;
  const std::vector<std::string> valid = {"read", "write"};
  Error error = doc.error(field.at(), fmt::format("unknown permission type '{}'", type));
  if (auto guess = suggest(type, valid)) error.hint("did you mean '" + *guess + "'?");
  error.hint("valid types: read, write");
  throw error;
}

Permission read_permission(const YamlDocument& doc, const YAML::Node& item) {
  const Fields fields = read_mapping(doc, item, permission_keys(), "each entry of 'permissions'");
  Permission permission;
  permission.type = read_permission_type(doc, *fields.find("type"));
  permission.schemas = read_string_list(doc, *fields.find("schemas"), /*non_empty=*/true);
  return permission;
}

struct RoleEntry {
  Role role;
  std::optional<Field> inherit;  // where to report a bad `inherit`
};

void check_inherit(const YamlDocument& doc, const std::vector<RoleEntry>& entries,
                   std::size_t index) {
  const RoleEntry& entry = entries[index];
  if (!entry.role.inherit) return;
  const std::string& parent = *entry.role.inherit;
  std::vector<std::string> earlier;
  for (std::size_t i = 0; i < index; ++i) {
    if (entries[i].role.name == parent) return;
    earlier.push_back(entries[i].role.name);
  }
  Error error = doc.error(entry.inherit->at(),
                          fmt::format("role '{}' inherits '{}', which is not defined before it in "
                                      "'roles'",
                                      entry.role.name, parent));
  const bool later =
      std::any_of(entries.begin() + static_cast<std::ptrdiff_t>(index) + 1, entries.end(),
                  [&](const RoleEntry& e) { return e.role.name == parent; });
  if (parent == entry.role.name) {
    error.hint("a role cannot inherit itself; remove 'inherit' or name another role");
  } else if (later) {
    error.hint(
        fmt::format("move role '{}' above role '{}': a role can only inherit a role "
                    "listed before it",
                    parent, entry.role.name));
  } else {
    if (auto guess = suggest(parent, earlier)) error.hint("did you mean '" + *guess + "'?");
    error.hint(fmt::format("define role '{}' earlier in 'roles', or remove 'inherit'", parent));
  }
  throw error;
}

}  // namespace

std::vector<Role> read_roles(const YamlDocument& doc, const Field& field) {
  std::vector<RoleEntry> entries;
  for (const YAML::Node& item : read_list(doc, field)) {
    const Fields fields = read_mapping(doc, item, role_keys(), "each entry of 'roles'");
    Role role;
    role.mark = doc.mark(item);
    const Field& name = *fields.find("name");
    role.name = read_nonempty_string(doc, name);
    for (const auto& seen : entries) {
      if (seen.role.name != role.name) continue;
      throw doc
          .error(name.at(), fmt::format("duplicate role '{}' (first declared at line {})",
                                        role.name, seen.role.mark.line))
          .hint("rename or remove one of them");
    }
    if (const Field* permissions = fields.find("permissions")) {
      for (const YAML::Node& p : read_list(doc, *permissions)) {
        role.permissions.push_back(read_permission(doc, p));
      }
    }
    if (const Field* description = fields.find("description")) {
      role.description = read_optional_string(doc, *description);
    }
    std::optional<Field> inherit;
    if (const Field* f = fields.find_set("inherit")) {
      role.inherit = read_nonempty_string(doc, *f);
      inherit = *f;
    }
    entries.push_back(RoleEntry{std::move(role), std::move(inherit)});
  }
  std::vector<Role> roles;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    check_inherit(doc, entries, i);
    roles.push_back(entries[i].role);
  }
  return roles;
}

}  // namespace pum::config::detail
