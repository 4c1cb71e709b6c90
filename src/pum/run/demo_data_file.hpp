#pragma once
// One demo data file, streamed (sql/copy_stream.hpp) so that its size does not matter: the SQL
// between COPY blocks goes through the same machinery as changelogs (lexer, splitter, `{name}`
// rendering, one round trip per piece, errors at file:line:col), and the data of
// `COPY ... FROM STDIN` blocks goes to the server as it is read (PQputCopyData), as psql does with
// the output of `pg_dump --data-only`.
//
// Rules that differ from changelogs, for pg_dump's output to load as it is:
//   - `SELECT pg_catalog.set_config('search_path', '', false);` (pg_dump's header) is allowed, and
//     every session setting the file changes (search_path, SET ...) is put back after the file;
//   - COPY data is never rendered: `{` and `}` in it are data, not placeholders;
//   - psql meta-commands: `\restrict` and `\unrestrict` (written by recent pg_dump versions) are
//     skipped, `\echo \qecho \warn \set \unset \pset \timing` are skipped with a warning, any other
//     (`\connect`, `\i`, `\copy`...) is an error, since skipping it would load something else.
// Transaction control stays forbidden: each demo data step is committed by pum.
#include <filesystem>
#include <string>

#include "pum/db/connection.hpp"
#include "pum/params/value.hpp"

namespace pum::run {

// Reads the file once without sending anything: every SQL piece lexed, checked and rendered with
// the parameters, every meta-command checked, COPY data skipped. Throws pum::Error located in the
// file. Memory stays bounded whatever the file's size.
void check_demo_file(const std::filesystem::path& path, const std::string& display,
                     const Parameters& params);

// Runs the file on `conn`, inside the caller's transaction. Throws pum::Error located at the
// file's line (and column, for SQL) of a server error; for an error in COPY data, at the data line
// the server names.
void load_demo_file(db::Connection& conn, const std::filesystem::path& path,
                    const std::string& display, const Parameters& params);

}  // namespace pum::run
