#pragma once
// Whether a flat migration file must run outside a transaction block: it has a line starting
// with `-- pgdbm:no-transaction` (pgdbm's marker), or a statement PostgreSQL refuses inside a
// transaction block (CREATE/DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY, REINDEX DATABASE
// or SYSTEM, VACUUM, CREATE/DROP DATABASE, CREATE/DROP TABLESPACE, ALTER SYSTEM, ALTER TABLE ...
// DETACH PARTITION ... CONCURRENTLY). Found with the lexer: text inside strings and function
// bodies does not count. ALTER TYPE ... ADD VALUE runs in a transaction since PostgreSQL 12.
#include <cstddef>
#include <optional>
#include <string>

#include "pum/sql/script.hpp"

namespace pum::flat {

struct NoTransaction {
  std::string reason;  // "-- pgdbm:no-transaction", "CREATE INDEX CONCURRENTLY", ...
  std::size_t offset;  // where in the file
};

// The first reason found, or empty when the file can run in a transaction.
std::optional<NoTransaction> no_transaction_reason(const sql::Script& script);

// The marker line alone (pgdbm's rule, with comments found by the lexer).
bool has_no_transaction_marker(const sql::Script& script);

}  // namespace pum::flat
