#pragma once
// `pum db create | drop | access`: databases of the server -p points at, managed from
// its maintenance database. -p may be a service name, a conninfo or a URI; the
// connection goes to the same server as the same user, with the database name replaced by
// `postgres`. Autocommit (CREATE/DROP DATABASE cannot run in a transaction); every name is quoted
// as an identifier; a server error is thrown as pum::Error (exit 1).
#include <optional>
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/ops/options.hpp"
#include "pum/run/options.hpp"

namespace pum::ops {

// Runs the action. Returns false when the user declined the drop confirmation (exit 0).
bool database_command(const run::Global& global, const DbOptions& options);

// Who may connect to a database: PUBLIC (true when no explicit ACL was ever set) and the roles
// holding CONNECT explicitly, sorted. Throws pum::Error for an unknown database.
struct ConnectAccess {
  bool public_connect = true;
  std::vector<std::string> roles;
};
ConnectAccess connect_access(db::Connection& conn, const std::string& database);
// Same, nullopt for an unknown database.
std::optional<ConnectAccess> find_connect_access(db::Connection& conn, const std::string& database);

// The building blocks, on a connection to another database of the server.
void create_database(db::Connection& conn, const std::string& name,
                     const std::optional<std::string>& template_name);
void drop_database(db::Connection& conn, const std::string& name);
// `public_connect`: false revokes CONNECT from PUBLIC, true grants it, nullopt leaves it. Then
// CONNECT is revoked from `revoke` and granted to `grant`.
void set_connect_access(db::Connection& conn, const std::string& name,
                        const std::vector<std::string>& grant,
                        const std::vector<std::string>& revoke, std::optional<bool> public_connect);

}  // namespace pum::ops
