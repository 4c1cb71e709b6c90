#pragma once
// Roles and permissions of .pum.yaml (spec §8) as install, upgrade and demo data apply them.
#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"

namespace pum::roles {

// Creates the configured roles that do not exist yet (existing ones are left as they are).
void create_configured_roles(db::Connection& conn, const config::Config& config);

// Grants every configured role its permissions (read/write on schemas and their objects, plus
// default privileges).
void grant_configured_permissions(db::Connection& conn, const config::Config& config);

}  // namespace pum::roles
