#pragma once
// How pg_dump, pg_restore and psql are told where to connect: `-d <conninfo>` built from pum's -p
// value (a service name becomes service=NAME; a conninfo or URI is taken apart by libpq and
// written back as key='value' pairs). A password in it never goes on the command line (visible
// to every user in ps and in our logs): it is left out of the conninfo and handed to the child in
// its PGPASSWORD environment variable instead. Passwords from .pgpass, PGPASSWORD or a
// pg_service.conf entry are read by the child's libpq itself.
#include <optional>
#include <string>
#include <string_view>

namespace pum::ops {

struct ToolConnection {
  std::string conninfo;                 // without any password
  std::optional<std::string> password;  // for the child's PGPASSWORD
};

// Throws pum::Error (with libpq's reason) when the value cannot be parsed.
ToolConnection tool_connection(std::string_view pg_connection);

// The connection with its database replaced by `dbname` (the Python API's Dumper(dbname=...)),
// as a conninfo (password included, when the value had one). Throws as tool_connection.
std::string conninfo_with_dbname(std::string_view pg_connection, const std::string& dbname);

}  // namespace pum::ops
