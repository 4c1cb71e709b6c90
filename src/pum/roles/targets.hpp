#pragma once
// Which database roles an action works on: the configured roles (all, or those named by
// --roles), under their own name or as database-specific variants `<name>_<suffix>` (--suffix).
// Pure: no database, unit-tested.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/config.hpp"

namespace pum::roles {

// PostgreSQL truncates longer identifiers (NAMEDATALEN - 1 with the default build), which would
// make pum look for one name and create another.
inline constexpr std::size_t kMaxNameBytes = 63;

// One database role an action works on.
struct Target {
  std::string name;                   // the database role: "viewer" or "viewer_lausanne"
  const config::Role* role;           // the configured role it stands for
  std::optional<std::string> suffix;  // set for a database-specific variant
  // The database role it is made a member of on creation: the configured `inherit`, suffixed
  // like this target (suffixed roles mirror the generic family, never join it).
  std::optional<std::string> parent;
};

// "<name>_<suffix>", or the name itself without a suffix.
std::string suffixed_name(std::string_view name, const std::optional<std::string>& suffix);

// The configured roles named in `names` (in configuration order), or all of them when `names`
// is empty. Throws pum::Error "Unknown role(s): a, b" (with a did-you-mean) for a name that is
// not configured.
std::vector<const config::Role*> select_roles(const config::Config& config,
                                              const std::vector<std::string>& names);

// The targets of the selected roles, suffixed when a suffix is given.
std::vector<Target> targets_of(const std::vector<const config::Role*>& roles,
                               const std::optional<std::string>& suffix);

// Throws pum::Error when a role name would be truncated by PostgreSQL or is empty. `what` names
// the origin in the message ("--to", "role").
void check_name_length(std::string_view name, std::string_view what);

// A name pum creates from a command-line argument (--suffix, create-login --name): letters and
// digits (any alphabet), '_', '-', '.', '@'. Anything else (quotes, ';', spaces, control
// characters) is refused with a pum::Error, so a mistyped or hostile argument never creates an
// oddly named role. Names from .pum.yaml and names of existing roles are only quoted.
void check_new_name(std::string_view name, std::string_view what);

// The schemas a role's own permissions name, then those of the roles it inherits (in
// configuration order, each once): what `revoke` and `drop` clean.
std::vector<std::string> schemas_with_inherited(const config::Config& config,
                                                const config::Role& role);

// What a database role name stands for: the configured role of that name, or else
// `<configured name>_<non-empty suffix>` (the longest configured name wins). nullopt for a role
// that is neither.
struct NameMatch {
  const config::Role* role;
  std::optional<std::string> suffix;
};
std::optional<NameMatch> configured_role_of(const config::Config& config, std::string_view name);

// The configured role of that name, or nullptr.
const config::Role* find_role(const config::Config& config, std::string_view name);

}  // namespace pum::roles
