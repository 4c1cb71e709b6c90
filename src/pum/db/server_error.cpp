#include "pum/db/server_error.hpp"

#include <cstdlib>

namespace pum::db {

namespace {
std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value != nullptr ? std::string(value) : std::string();
}

std::string trim_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}
}  // namespace

ServerError ServerError::from_result(const PGresult* result) {
  ServerError e;
  e.severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  e.sqlstate = field(result, PG_DIAG_SQLSTATE);
  e.primary = field(result, PG_DIAG_MESSAGE_PRIMARY);
  e.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  e.hint = field(result, PG_DIAG_MESSAGE_HINT);
  e.context = field(result, PG_DIAG_CONTEXT);
  e.internal_query = field(result, PG_DIAG_INTERNAL_QUERY);
  std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
  if (!position.empty()) e.position = std::atoi(position.c_str());
  std::string internal = field(result, PG_DIAG_INTERNAL_POSITION);
  if (!internal.empty()) e.internal_position = std::atoi(internal.c_str());
  if (e.primary.empty()) e.primary = trim_trailing_newlines(PQresultErrorMessage(result));
  return e;
}

ServerError ServerError::from_connection(const PGconn* conn) {
  ServerError e;
  e.severity = "ERROR";
  e.sqlstate = "08006";
  e.primary = trim_trailing_newlines(PQerrorMessage(conn));
  if (e.primary.empty()) e.primary = "lost the connection to the server";
  return e;
}

Error ServerError::to_error() const {
  Error error(primary);
  error.sqlstate(sqlstate);
  if (!detail.empty()) error.detail("DETAIL", detail);
  if (!hint.empty()) error.detail("HINT", hint);
  if (!internal_query.empty()) error.detail("QUERY", internal_query);
  if (!context.empty()) error.detail("CONTEXT", context);
  return error;
}

}  // namespace pum::db
