#pragma once
// What psql understands in a SQL file but the server does not: pum sends files to the server, so
// a psql meta-command (a backslash at the start of a line, outside quotes and comments: \set,
// \i, \connect, \.) and COPY ... FROM stdin (whose data psql would read from the lines that
// follow) cannot work in a changelog or hook. Found before anything runs, located in the file.
// Demo data files are read by another path (copy_stream.hpp) that does support COPY data.
#include <optional>
#include <string>

#include "pum/sql/script.hpp"

namespace pum::sql {

struct PsqlOnly {
  std::size_t offset;  // in the script's text: the backslash, or the COPY statement's first word
  std::string name;    // the meta-command without its backslash ("i", "set", "."), or "COPY"
};

// The first meta-command or COPY ... FROM stdin statement of the script, in text order.
std::optional<PsqlOnly> find_psql_only(const Script& script);

// Throws pum::Error located at what find_psql_only found, with a hint on what to write instead.
void check_psql_only(const Script& script);

}  // namespace pum::sql
