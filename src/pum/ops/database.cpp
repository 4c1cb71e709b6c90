#include "pum/ops/database.hpp"

#include <fmt/format.h>

#include <iostream>

#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::ops {

namespace {

constexpr const char* kMaintenanceDatabase = "postgres";

// pum's prompt (as uninstall): anything but yes/y cancels.
bool confirmed(const std::string& name) {
  log::warning("This will drop database '{}' with everything in it, closing its sessions.", name);
  std::cout << "Are you sure you want to proceed? (yes/no): " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) answer.clear();
  for (auto& c : answer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!answer.empty() && (answer.back() == ' ' || answer.back() == '\r')) answer.pop_back();
  return answer == "yes" || answer == "y";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

void create_database(db::Connection& conn, const std::string& name,
                     const std::optional<std::string>& template_name) {
  std::string sql = "CREATE DATABASE " + conn.quote_ident(name);
  if (template_name) sql += " TEMPLATE " + conn.quote_ident(*template_name);
  log::info("Creating database '{}'{}...", name,
            template_name ? fmt::format(" from template '{}'", *template_name) : "");
  conn.exec(sql);
  log::info("Database '{}' created.", name);
}

void drop_database(db::Connection& conn, const std::string& name) {
  db::Result others = conn.query_one_row(
      "SELECT count(*) FROM pg_catalog.pg_stat_activity "
      "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()",
      {name});
  if (others.text(0, 0) != "0") {
    log::info("Closing {} other session(s) on database '{}'", others.text(0, 0), name);
  }
  log::info("Dropping database '{}'...", name);
  if (conn.server_version() >= 130000) {
    conn.exec("DROP DATABASE " + conn.quote_ident(name) + " WITH (FORCE)");
  } else {
    conn.query(
        "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
        "WHERE datname = $1 AND pid <> pg_catalog.pg_backend_pid()",
        {name});
    conn.exec("DROP DATABASE " + conn.quote_ident(name));
  }
  log::info("Database '{}' dropped.", name);
}

void set_connect_access(db::Connection& conn, const std::string& name,
                        const std::vector<std::string>& grant,
                        const std::vector<std::string>& revoke,
                        std::optional<bool> public_connect) {
  const std::string database = conn.quote_ident(name);
  if (public_connect && !*public_connect) {
    log::info("Revoking CONNECT on database '{}' from PUBLIC", name);
    conn.exec("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
  } else if (public_connect) {
    log::info("Granting CONNECT on database '{}' to PUBLIC", name);
    conn.exec("GRANT CONNECT ON DATABASE " + database + " TO PUBLIC");
  }
  for (const auto& role : revoke) {
    log::info("Revoking CONNECT on database '{}' from '{}'", name, role);
    conn.exec("REVOKE CONNECT ON DATABASE " + database + " FROM " + conn.quote_ident(role));
  }
  for (const auto& role : grant) {
    log::info("Granting CONNECT on database '{}' to '{}'", name, role);
    conn.exec("GRANT CONNECT ON DATABASE " + database + " TO " + conn.quote_ident(role));
  }
}

ConnectAccess connect_access(db::Connection& conn, const std::string& database) {
  std::optional<ConnectAccess> access = find_connect_access(conn, database);
  if (!access) throw Error(fmt::format("database '{}' does not exist", database));
  return *access;
}

std::optional<ConnectAccess> find_connect_access(db::Connection& conn,
                                                 const std::string& database) {
  db::Result exists = conn.query(
      "SELECT d.datacl IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.aclexplode(d.datacl) a "
      "WHERE a.grantee = 0 AND a.privilege_type = 'CONNECT') "
      "FROM pg_catalog.pg_database d WHERE d.datname = $1",
      {database});
  if (exists.rows() != 1) return std::nullopt;
  ConnectAccess access;
  access.public_connect = exists.boolean(0, 0);
  db::Result roles = conn.query(
      "SELECT DISTINCT r.rolname FROM pg_catalog.pg_database d, "
      "pg_catalog.aclexplode(d.datacl) a JOIN pg_catalog.pg_roles r ON r.oid = a.grantee "
      "WHERE d.datname = $1 AND a.privilege_type = 'CONNECT' ORDER BY 1",
      {database});
  for (int row = 0; row < roles.rows(); ++row) access.roles.emplace_back(roles.text(row, 0));
  return access;
}

bool database_command(const run::Global& global, const DbOptions& options) {
  if (options.action == DbAction::access && options.keep_public && options.grant_connect.empty() &&
      options.revoke_connect.empty()) {
    throw Error("db access --keep-public: nothing to do")
        .hint(
            "add --grant-connect ROLE... or --revoke-connect ROLE..., or drop --keep-public to "
            "revoke CONNECT from PUBLIC");
  }
  if (options.action != DbAction::create && options.template_name) {
    log::warning("--template is only used by 'db create'; ignored");
  }
  if (options.action != DbAction::drop && options.force) {
    log::warning("--force is only used by 'db drop'; ignored");
  }
  if (options.action != DbAction::access &&
      (options.keep_public || !options.grant_connect.empty() || !options.revoke_connect.empty())) {
    log::warning(
        "--grant-connect, --revoke-connect and --keep-public are only used by "
        "'db access'; ignored");
  }
  if (options.action == DbAction::drop && !options.force && !confirmed(options.name)) {
    log::info("Drop cancelled.");
    return false;
  }
  db::Connection conn = db::Connection::open_database(global.pg_connection, kMaintenanceDatabase);
  switch (options.action) {
    case DbAction::create:
      create_database(conn, options.name, options.template_name);
      break;
    case DbAction::drop:
      drop_database(conn, options.name);
      break;
    case DbAction::access: {
      set_connect_access(conn, options.name, options.grant_connect, options.revoke_connect,
                         options.keep_public ? std::nullopt : std::optional<bool>(false));
      ConnectAccess access = connect_access(conn, options.name);
      log::info("CONNECT on database '{}': PUBLIC {}; roles: {}", options.name,
                access.public_connect ? "yes" : "no",
                access.roles.empty() ? std::string("none") : join(access.roles));
      break;
    }
  }
  return true;
}

}  // namespace pum::ops
