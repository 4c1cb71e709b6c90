#include "pum/roles/roles.hpp"

#include "pum/roles/manage.hpp"
#include "pum/roles/targets.hpp"

namespace pum::roles {

void create_configured_roles(db::Connection& conn, const config::Config& config) {
  if (config.roles.empty()) return;
  create_roles(conn, targets_of(select_roles(config, {}), std::nullopt));
}

void grant_configured_permissions(db::Connection& conn, const config::Config& config) {
  if (config.roles.empty()) return;
  grant_permissions(conn, targets_of(select_roles(config, {}), std::nullopt));
}

}  // namespace pum::roles
