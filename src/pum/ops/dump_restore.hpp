#pragma once
// `pum dump FILE` and `pum restore FILE`: pg_dump, pg_restore and psql run with an
// argument vector (never a shell), found by find_pg_program for the server's major version, the
// connection passed as --dbname=<conninfo> without any password (tool_connection.hpp).
//
// restore tells the file's format by its first bytes: a custom archive ("PGDMP"),
// a tar archive ("ustar" at byte 257) or a directory archive goes to pg_restore, as in pum;
// anything else is plain SQL and goes to `psql -X -q -v ON_ERROR_STOP=1 -f FILE` (psql runs a
// plain dump faithfully: COPY data, meta-commands, settings; pum's own executor would render
// `{name}` placeholders and reject what pg_dump writes).
#include <string>

#include "pum/ops/options.hpp"
#include "pum/run/options.hpp"

namespace pum::ops {

enum class FileFormat { archive, plain_sql };

// By content; throws pum::Error when the file cannot be read.
FileFormat detect_format(const std::string& file);

// Throws pum::Error with the program's standard error when it fails.
void dump(const run::Global& global, const DumpOptions& options);

// Throws pum::Error with the program's standard error when it fails, unless ignore_errors: then
// the errors are logged as warnings and the command succeeds.
void restore(const run::Global& global, const RestoreOptions& options);

}  // namespace pum::ops
