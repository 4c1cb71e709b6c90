#pragma once
#include "pum/util/error.hpp"

namespace pum::cli {

// Prints an error to stderr the way PostgreSQL tools do:
//   ERROR: changelogs/1.2.4/02_x.sql:14:7: syntax error at or near "TABEL" (SQLSTATE 42601)
//      14 | CREATE TABEL foo (id int);
//         |        ^
//   DETAIL: ...   HINT: ...   CONTEXT: ...
void print_error(const Error& error);

}  // namespace pum::cli
