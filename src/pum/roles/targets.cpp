#include "pum/roles/targets.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pum/config/suggest.hpp"
#include "pum/util/error.hpp"

namespace pum::roles {

namespace {
// The name with control characters shown as \xNN, so that a message never carries them.
std::string printable(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20U || byte == 0x7FU ? fmt::format("\\x{:02x}", byte) : std::string(1, c);
  }
  return out;
}
}  // namespace

std::string suffixed_name(std::string_view name, const std::optional<std::string>& suffix) {
  std::string out(name);
  if (suffix) out += "_" + *suffix;
  return out;
}

const config::Role* find_role(const config::Config& config, std::string_view name) {
  for (const auto& role : config.roles) {
    if (role.name == name) return &role;
  }
  return nullptr;
}

std::optional<NameMatch> configured_role_of(const config::Config& config, std::string_view name) {
  const config::Role* best = nullptr;
  for (const auto& role : config.roles) {
    if (role.name == name) return NameMatch{&role, std::nullopt};
    const std::size_t n = role.name.size();
    if (name.size() > n + 1 && name.substr(0, n) == role.name && name[n] == '_' &&
        (best == nullptr || n > best->name.size())) {
      best = &role;
    }
  }
  if (best == nullptr) return std::nullopt;
  return NameMatch{best, std::string(name.substr(best->name.size() + 1))};
}

std::vector<const config::Role*> select_roles(const config::Config& config,
                                              const std::vector<std::string>& names) {
  std::vector<std::string> configured;
  configured.reserve(config.roles.size());
  for (const auto& role : config.roles) configured.push_back(role.name);

  std::vector<std::string> unknown;
  for (const auto& name : names) {
    if (find_role(config, name) == nullptr &&
        std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
      unknown.push_back(name);
    }
  }
  if (!unknown.empty()) {
    Error error(fmt::format("Unknown role(s): {}", config::join(unknown)));
    if (unknown.size() == 1) {
      if (auto guess = config::suggest(unknown.front(), configured)) {
        error.hint("did you mean '" + *guess + "'?");
      }
    }
    error.hint(configured.empty() ? fmt::format("{} declares no roles", config.display_file)
                                  : "configured roles: " + config::join(configured));
    throw error;
  }

  std::vector<const config::Role*> selected;
  for (const auto& role : config.roles) {
    if (names.empty() || std::find(names.begin(), names.end(), role.name) != names.end()) {
      selected.push_back(&role);
    }
  }
  return selected;
}

std::vector<Target> targets_of(const std::vector<const config::Role*>& roles,
                               const std::optional<std::string>& suffix) {
  std::vector<Target> targets;
  targets.reserve(roles.size());
  for (const config::Role* role : roles) {
    Target target{suffixed_name(role->name, suffix), role, suffix, std::nullopt};
    if (role->inherit) target.parent = suffixed_name(*role->inherit, suffix);
    check_name_length(target.name, "role");
    targets.push_back(std::move(target));
  }
  return targets;
}

void check_name_length(std::string_view name, std::string_view what) {
  if (name.empty()) {
    throw Error(fmt::format("{} cannot be empty", what));
  }
  if (name.size() > kMaxNameBytes) {
    throw Error(fmt::format("{} '{}' is {} bytes long; PostgreSQL keeps only the first {}", what,
                            printable(name), name.size(), kMaxNameBytes))
        .hint("use a shorter name (or suffix): pum would otherwise act on a truncated name");
  }
}

void check_new_name(std::string_view name, std::string_view what) {
  check_name_length(name, what);
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool ok = byte >= 0x80U || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '@';
    if (ok) continue;
    const std::string shown = printable(std::string_view(&c, 1));
    throw Error(fmt::format("{} '{}' contains '{}', which pum does not put in a role name", what,
                            printable(name), shown))
        .hint(
            "use letters, digits, '_', '-', '.' or '@' (create a role with another name by hand "
            "with CREATE ROLE)");
  }
}

std::vector<std::string> schemas_with_inherited(const config::Config& config,
                                                const config::Role& role) {
  std::vector<std::string> schemas;
  auto add = [&schemas](const config::Role& r) {
    for (const auto& permission : r.permissions) {
      for (const auto& schema : permission.schemas) {
        if (std::find(schemas.begin(), schemas.end(), schema) == schemas.end()) {
          schemas.push_back(schema);
        }
      }
    }
  };
  const config::Role* current = &role;
  // The configuration guarantees a parent is declared before its child, so this ends.
  for (std::size_t depth = 0; current != nullptr && depth <= config.roles.size(); ++depth) {
    add(*current);
    current = current->inherit ? find_role(config, *current->inherit) : nullptr;
  }
  return schemas;
}

}  // namespace pum::roles
