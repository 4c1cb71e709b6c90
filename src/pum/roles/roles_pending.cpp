// Placeholder until the roles module lands (issue: operations): roles are validated at config
// load but not yet created nor granted. Remove this file when roles.cpp implements roles.hpp.
#include "pum/roles/roles.hpp"
#include "pum/ui/log.hpp"

namespace pum::roles {

void create_configured_roles(db::Connection& /*conn*/, const config::Config& config) {
  if (!config.roles.empty()) log::warning("Roles are not created by this build yet.");
}

void grant_configured_permissions(db::Connection& /*conn*/, const config::Config& /*config*/) {}

}  // namespace pum::roles
