#pragma once
// Targets from a server: its databases (`--databases 'city_*'`) or the schemas of one database
// (`--schemas 'tenant_*'`). All of the fleet's own SQL is here.
#include <string>
#include <string_view>
#include <vector>

#include "pum/db/connection.hpp"

namespace pum::fleet {

// The databases one can connect to, templates excluded.
std::vector<std::string> list_databases(db::Connection& conn);
// The schemas of the database, PostgreSQL's own (pg_*, information_schema) excluded.
std::vector<std::string> list_schemas(db::Connection& conn);

// The connection of database `dbname` on the server of `pg_connection` (-p: a service name,
// conninfo or URI): the same keywords with the database replaced, as a conninfo. A service
// stays a service (its file gives the rest; an explicit dbname wins over the file's).
std::string database_conninfo(std::string_view pg_connection, std::string_view dbname);

// 'value' with \ and ' escaped, as libpq's conninfo parser reads it.
std::string conninfo_quote(std::string_view value);

}  // namespace pum::fleet
