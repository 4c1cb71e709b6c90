#pragma once
// Statements a pum SQL file must not contain: pum runs a whole command in one
// transaction and commits it itself, so transaction control would break that; and setting the
// search path through set_config breaks PostGIS and the changelogs that follow.
// Decided per statement from code tokens only: the same words inside strings, dollar-quoted
// bodies, quoted identifiers or comments are fine.
#include <optional>
#include <string>

#include "pum/sql/script.hpp"

namespace pum::sql {

// What is forbidden in a statement, if anything: the statement's leading keywords upper-cased
// ("COMMIT", "BEGIN TRANSACTION", "START TRANSACTION", "ROLLBACK TO SAVEPOINT", "PREPARE
// TRANSACTION", "COMMIT PREPARED", ...) or "set_config('search_path', ...)".
// Forbidden leading words: BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT,
// RELEASE, PREPARE TRANSACTION (PREPARE name AS ... is fine). set_config (any case, any schema,
// quoted or not) followed by ( and a string literal whose value is search_path (any case) is
// found anywhere in the statement's code.
std::optional<std::string> forbidden_statement(const Script& script, const Statement& statement);

// Throws pum::Error for the first statement with something forbidden, located at the statement's
// first code token: "SQL contains forbidden transaction statement: <WHAT>", with a hint.
void check_forbidden(const Script& script);

}  // namespace pum::sql
