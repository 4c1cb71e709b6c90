#include "pum/roles/roles.hpp"

#include "pum/roles/manage.hpp"
#include "pum/roles/targets.hpp"
#include "pum/ui/log.hpp"

namespace pum::roles {

void create_configured_roles(db::Connection& conn, const config::Config& config) {
  if (config.roles.empty()) return;
  auto targets = targets_of(select_roles(config, {}), std::nullopt);
  // pum 1.x reports each role as it goes, whether it exists already or not.
  for (const Target& target : targets) {
    log::info("Creating role: {}", target.name);
    create_roles(conn, {target});
  }
}

void grant_configured_permissions(db::Connection& conn, const config::Config& config) {
  if (config.roles.empty()) return;
  auto targets = targets_of(select_roles(config, {}), std::nullopt);
  for (const Target& target : targets) log::info("Granting permissions to role: {}", target.name);
  grant_permissions(conn, targets);
}

}  // namespace pum::roles
