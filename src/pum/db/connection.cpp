#include "pum/db/connection.hpp"

#include <fmt/format.h>

#include <memory>

#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::db {

std::string conninfo_from_argument(std::string_view pg_connection) {
  if (pg_connection.find('=') != std::string_view::npos ||
      pg_connection.find("://") != std::string_view::npos) {
    return std::string(pg_connection);
  }
  return "service=" + std::string(pg_connection);
}

std::string redact_conninfo(std::string_view pg_connection) {
  std::string text(pg_connection);
  // URI form: scheme://user:password@host -> scheme://user:***@host
  if (auto scheme = text.find("://"); scheme != std::string::npos) {
    auto at = text.find('@', scheme + 3);
    auto colon = text.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      text.replace(colon + 1, at - colon - 1, "***");
    }
    // password=... in the query string
    for (auto pos = text.find("password="); pos != std::string::npos;
         pos = text.find("password=", pos + 1)) {
      auto end = text.find('&', pos);
      text.replace(pos + 9, (end == std::string::npos ? text.size() : end) - pos - 9, "***");
    }
    return text;
  }
  // key=value form: password = 'quoted value' or password=bare
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto pos = text.find("password", i);
    if (pos == std::string::npos) break;
    std::size_t j = pos + 8;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j >= text.size() || text[j] != '=' || (pos > 0 && text[pos - 1] != ' ')) {
      out.append(text, i, j - i);
      i = j;
      continue;
    }
    ++j;
    while (j < text.size() && text[j] == ' ') ++j;
    out.append(text, i, j - i);
    out += "***";
    if (j < text.size() && text[j] == '\'') {
      ++j;
      while (j < text.size() && text[j] != '\'') j += (text[j] == '\\' ? 2 : 1);
      ++j;
    } else {
      while (j < text.size() && text[j] != ' ') ++j;
    }
    i = std::min(j, text.size());
  }
  out.append(text, std::min(i, text.size()), std::string::npos);
  return out;
}

namespace {

PGconn* connect(const std::string& conninfo, const char* dbname_override) {
  // expand_dbname lets "dbname" carry a whole conninfo or URI; later keywords override it.
  const char* keywords[] = {"dbname", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {conninfo.c_str(), "pum", dbname_override, nullptr};
  if (dbname_override == nullptr) keywords[2] = nullptr;
  return PQconnectdbParams(keywords, values, 1);
}

// Server notices go to our log: WARNINGs stay visible, NOTICE/INFO only with -v (as pum, which
// never printed them).
void route_notice(void* /*arg*/, const PGresult* result) {
  ServerError notice = ServerError::from_result(result);
  if (notice.severity == "WARNING") {
    log::warning("WARNING: {}", notice.primary);
  } else {
    log::debug("{}: {}", notice.severity, notice.primary);
  }
}

}  // namespace

Connection Connection::open(std::string_view pg_connection) {
  return open_database(pg_connection, {});
}

Connection Connection::open_database(std::string_view pg_connection, const std::string& dbname) {
  std::string conninfo = conninfo_from_argument(pg_connection);
  std::string display = redact_conninfo(pg_connection);
  PGconn* conn = connect(conninfo, dbname.empty() ? nullptr : dbname.c_str());
  if (conn == nullptr) throw Error("out of memory while connecting to " + display);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(conn);
    PQfinish(conn);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    // SQLSTATE 3D000 (invalid_catalog_name): libpq gives only the text at connection time.
    const std::string missing_open = "database \"", missing_close = "\" does not exist";
    if (auto close = reason.find(missing_close); close != std::string::npos) {
      if (auto open = reason.rfind(missing_open, close); open != std::string::npos) {
        const std::string name =
            reason.substr(open + missing_open.size(), close - open - missing_open.size());
        throw Error(fmt::format("could not connect to '{}': {}", display, reason))
            .hint(fmt::format("the server is there but has no database '{}': create it with "
                              "`pum -p '{}' db create {}` (or createdb)",
                              name, display, name));
      }
    }
    throw Error(fmt::format("could not connect to '{}': {}", display, reason))
        .hint(
            "-p takes a service name from pg_service.conf, a conninfo ('host=... dbname=...') "
            "or a URI (postgresql://user@host/db); libpq also reads PGHOST, PGPORT, PGUSER, "
            "PGPASSWORD, PGSERVICEFILE and ~/.pgpass");
  }
  PQsetNoticeReceiver(conn, &route_notice, nullptr);
  log::debug("Connected to {} (server {}, backend pid {})", display,
             PQparameterStatus(conn, "server_version"), PQbackendPID(conn));
  return {conn, display};
}

Connection Connection::borrow(PGconn* conn, std::string display) {
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    throw Error("the connection given to pum is closed or broken")
        .hint("pass an open connection (psycopg.connect(...))");
  }
  return Connection(conn, std::move(display), true);
}

Connection::~Connection() {
  if (conn_ != nullptr && !borrowed_) PQfinish(conn_);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(other.conn_), display_(std::move(other.display_)), borrowed_(other.borrowed_) {
  other.conn_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (conn_ != nullptr && !borrowed_) PQfinish(conn_);
    conn_ = other.conn_;
    display_ = std::move(other.display_);
    borrowed_ = other.borrowed_;
    other.conn_ = nullptr;
  }
  return *this;
}

void throw_server_error(const PGconn* conn, const PGresult* result, std::string_view sql) {
  ServerError server =
      result != nullptr ? ServerError::from_result(result) : ServerError::from_connection(conn);
  Error error = server.to_error();
  if (!sql.empty() && log::enabled(log::Level::debug)) error.detail("QUERY", std::string(sql));
  throw error;
}

namespace {
Result checked(PGconn* conn, PGresult* raw, std::string_view sql) {
  Result result(raw);
  if (raw == nullptr) throw_server_error(conn, nullptr, sql);
  auto status = PQresultStatus(raw);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    throw_server_error(conn, raw, sql);
  }
  return result;
}
}  // namespace

Result Connection::exec(std::string_view sql) {
  std::string text(sql);
  log::sql("Executing SQL: {}", text);
  return checked(conn_, PQexec(conn_, text.c_str()), sql);
}

Result Connection::query(std::string_view sql, const Params& params) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  log::sql("Executing SQL: {}", text);
  return checked(conn_,
                 PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                              values.data(), nullptr, nullptr, 0),
                 sql);
}

Result Connection::query_one_row(std::string_view sql, const Params& params) {
  Result result = query(sql, params);
  if (result.rows() != 1) {
    throw Error(
        fmt::format("internal error: expected one row, got {} from: {}", result.rows(), sql));
  }
  return result;
}

std::string Connection::quote_ident(std::string_view identifier) const {
  std::unique_ptr<char, decltype(&PQfreemem)> quoted(
      PQescapeIdentifier(conn_, identifier.data(), identifier.size()), &PQfreemem);
  if (!quoted)
    throw Error(fmt::format("cannot quote identifier '{}': {}", identifier, PQerrorMessage(conn_)));
  return quoted.get();
}

std::string Connection::quote_literal(std::string_view value) const {
  std::unique_ptr<char, decltype(&PQfreemem)> quoted(
      PQescapeLiteral(conn_, value.data(), value.size()), &PQfreemem);
  if (!quoted) throw Error(fmt::format("cannot quote literal: {}", PQerrorMessage(conn_)));
  return quoted.get();
}

std::string Connection::encrypt_password(const std::string& password,
                                         const std::string& role) const {
  std::unique_ptr<char, decltype(&PQfreemem)> encrypted(
      PQencryptPasswordConn(conn_, password.c_str(), role.c_str(), nullptr), &PQfreemem);
  if (!encrypted) {
    throw Error(
        fmt::format("cannot encrypt the password of role '{}': {}", role, PQerrorMessage(conn_)));
  }
  return encrypted.get();
}

}  // namespace pum::db
