#include "pum/ops/tool_connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

#include "pum/db/connection.hpp"
#include "pum/util/error.hpp"

namespace pum::ops {

namespace {

// A conninfo value: single-quoted, with \ and ' escaped by a backslash.
std::string quoted_value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

namespace {

// The connection's settings as libpq reads them (a service name, a conninfo or a URI), each
// written back as keyword='value' except the password and `leave_out`.
ToolConnection parsed(std::string_view pg_connection, std::string_view leave_out) {
  std::string conninfo = db::conninfo_from_argument(pg_connection);
  char* message = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(conninfo.c_str(), &message), &PQconninfoFree);
  if (!options) {
    std::string reason = message != nullptr ? message : "out of memory";
    PQfreemem(message);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    throw Error(
        fmt::format("invalid connection '{}': {}", db::redact_conninfo(pg_connection), reason));
  }
  ToolConnection out;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string_view keyword(option->keyword);
    if (keyword == "password") {
      out.password = option->val;
      continue;
    }
    if (keyword == leave_out) continue;
    if (!out.conninfo.empty()) out.conninfo += ' ';
    out.conninfo += fmt::format("{}={}", keyword, quoted_value(option->val));
  }
  return out;
}

}  // namespace

ToolConnection tool_connection(std::string_view pg_connection) { return parsed(pg_connection, {}); }

std::string conninfo_with_dbname(std::string_view pg_connection, const std::string& dbname) {
  ToolConnection connection = parsed(pg_connection, "dbname");
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict for
  // `"literal" + std::string&&`.
  std::string conninfo = connection.conninfo;
  if (connection.password) {
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += fmt::format("password={}", quoted_value(*connection.password));
  }
  if (!conninfo.empty()) conninfo += ' ';
  conninfo += fmt::format("dbname={}", quoted_value(dbname));
  return conninfo;
}

}  // namespace pum::ops
