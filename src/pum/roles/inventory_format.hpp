#pragma once
// How `role list`, `role login-roles` and `role members` print: text for people (colour only when
// asked, see actions.hpp), JSON for scripts. The JSON layouts are documented in docs/roles.md and
// only ever grow (new keys), guarded by "format_version".
#include <string>
#include <vector>

#include "pum/roles/inventory.hpp"

namespace pum::roles {

inline constexpr int kInventoryFormatVersion = 1;

std::string inventory_text(const Inventory& inventory, bool colour);
std::string inventory_json(const Inventory& inventory);

// "  name\n" per name (pum 1.8's layout).
std::string names_text(const std::vector<std::string>& names);
// {"login_roles": [...]}
std::string login_roles_json(const std::vector<std::string>& names);
// {"role": "r", "members": [...]}
std::string members_json(const std::string& role, const std::vector<std::string>& members);

}  // namespace pum::roles
