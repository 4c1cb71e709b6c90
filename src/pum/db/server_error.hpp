#pragma once
// An error reported by the PostgreSQL server, with every field pum shows the user.
#include <libpq-fe.h>

#include <string>

#include "pum/util/error.hpp"

namespace pum::db {

struct ServerError {
  std::string severity;  // ERROR, FATAL...
  std::string sqlstate;  // "42601"
  std::string primary;   // the message
  std::string detail;
  std::string hint;
  std::string context;
  int position = 0;           // 1-based character position in the statement sent; 0 = none
  int internal_position = 0;  // position in internal_query (PL/pgSQL, SQL functions)
  std::string internal_query;

  static ServerError from_result(const PGresult* result);
  // A failure with no result at all (connection lost...): the connection's message.
  static ServerError from_connection(const PGconn* conn);

  // pum::Error carrying SQLSTATE, DETAIL, HINT and CONTEXT; the location is left to the caller.
  [[nodiscard]] Error to_error() const;
};

}  // namespace pum::db
