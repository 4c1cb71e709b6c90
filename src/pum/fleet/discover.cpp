#include "pum/fleet/discover.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include "pum/util/error.hpp"

namespace pum::fleet {

namespace {

std::vector<std::string> first_column(db::Connection& conn, std::string_view sql) {
  db::Result result = conn.query(sql);
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(result.rows()));
  for (int i = 0; i < result.rows(); ++i) out.emplace_back(result.text(i, 0));
  return out;
}

}  // namespace

std::vector<std::string> list_databases(db::Connection& conn) {
  return first_column(conn,
                      "SELECT datname FROM pg_catalog.pg_database "
                      "WHERE datallowconn AND NOT datistemplate ORDER BY datname");
}

std::vector<std::string> list_schemas(db::Connection& conn) {
  return first_column(conn,
                      "SELECT nspname FROM pg_catalog.pg_namespace "
                      "WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' "
                      "ORDER BY nspname");
}

std::string conninfo_quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

std::string database_conninfo(std::string_view pg_connection, std::string_view dbname) {
  const std::string conninfo = db::conninfo_from_argument(pg_connection);
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &message);
  if (options == nullptr) {
    std::string reason = message != nullptr ? message : "out of memory";
    if (message != nullptr) PQfreemem(message);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    throw usage_error(fmt::format("cannot read the connection '{}': {}",
                                  db::redact_conninfo(pg_connection), reason));
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || std::string_view(o->keyword) == "dbname") continue;
    out.append(o->keyword);
    out.push_back('=');
    out.append(conninfo_quote(o->val));
    out.push_back(' ');
  }
  PQconninfoFree(options);
  out.append("dbname=");
  out.append(conninfo_quote(dbname));
  return out;
}

}  // namespace pum::fleet
