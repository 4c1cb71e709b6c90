#pragma once
// One libpq connection (move-only). Every query of pum goes through here; command code never
// builds SQL from raw text: identifiers go through quote_ident, values through parameters or,
// where a statement travels with others in one simple query, quote_literal.
#include <libpq-fe.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/db/result.hpp"
#include "pum/db/server_error.hpp"

namespace pum::db {

// pum 1.x rule: a value containing '=' or '://' is a conninfo/URI used verbatim, anything else
// is a service name from pg_service.conf.
std::string conninfo_from_argument(std::string_view pg_connection);

// The argument with any password replaced by "***", for messages and logs.
std::string redact_conninfo(std::string_view pg_connection);

using Params = std::vector<std::optional<std::string>>;

class Connection {
 public:
  // Connects (libpq reads PG* variables, pg_service.conf, .pgpass). Throws pum::Error naming the
  // connection (password redacted) and libpq's reason.
  static Connection open(std::string_view pg_connection);
  // Same, with the database name replaced (for `db` commands and scratch databases).
  static Connection open_database(std::string_view pg_connection, const std::string& dbname);
  // A connection somebody else opened and will close (the Python API's psycopg connection):
  // used as it is, never closed here.
  static Connection borrow(PGconn* conn, std::string display);

  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Simple-query protocol; the text may hold several statements. Throws pum::Error with the
  // server's fields on failure.
  Result exec(std::string_view sql);
  // Extended protocol with text parameters ($1, $2...). Throws pum::Error on failure.
  Result query(std::string_view sql, const Params& params = {});
  // Same, but expects exactly one row (throws pum::Error otherwise).
  Result query_one_row(std::string_view sql, const Params& params = {});

  std::string quote_ident(std::string_view identifier) const;
  std::string quote_literal(std::string_view value) const;
  // The password as the server stores it (SCRAM-SHA-256 or MD5, by the server's
  // password_encryption), computed here: the clear text never reaches the server or its logs.
  std::string encrypt_password(const std::string& password, const std::string& role) const;

  [[nodiscard]] PGconn* raw() const { return conn_; }
  [[nodiscard]] const std::string& display() const { return display_; }
  [[nodiscard]] int server_version() const { return PQserverVersion(conn_); }
  [[nodiscard]] int backend_pid() const { return PQbackendPID(conn_); }
  [[nodiscard]] bool borrowed() const { return borrowed_; }

 private:
  Connection(PGconn* conn, std::string display, bool borrowed = false)
      : conn_(conn), display_(std::move(display)), borrowed_(borrowed) {}
  PGconn* conn_ = nullptr;
  std::string display_;
  bool borrowed_ = false;
};

// Throws the pum::Error of a failed result (or of the connection when result is null).
[[noreturn]] void throw_server_error(const PGconn* conn, const PGresult* result,
                                     std::string_view sql);

}  // namespace pum::db
