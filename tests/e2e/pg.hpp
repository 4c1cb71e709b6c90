#pragma once

// PostgreSQL access for the end-to-end tests, straight through libpq: the harness checks the
// database itself rather than trusting the binary under test.

#include <optional>
#include <string>
#include <vector>

struct pg_conn;

namespace e2e {

using Cell = std::optional<std::string>;  // text as libpq returns it; nullopt = NULL
using Row = std::vector<Cell>;
using Rows = std::vector<Row>;

// An SQL error: the server's message with its SQLSTATE.
struct SqlError {
  std::string sqlstate;
  std::string message;  // primary message, then DETAIL/HINT lines when present
};

// Throws std::runtime_error with the reason when the environment has no test server:
// PUM_TEST_PG must be set (scripts/test.sh sets it with PGHOST, PGPORT, PGUSER).
void require_test_server();

// The conninfo of a database of the test server: "dbname=<name>" (host, port and user come from
// the environment, as for the binary under test).
std::string conninfo_for(const std::string& database);

// A database name from a test name: lowercase, [a-z0-9_] only, prefixed, at most 63 bytes.
std::string database_name(const std::string& prefix, const std::string& name);

class Db {
 public:
  explicit Db(const std::string& conninfo);  // throws std::runtime_error
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs SQL (several statements allowed) and returns the rows of the last result, or the error.
  Rows query(const std::string& sql, std::optional<SqlError>* error);
  // Runs SQL and throws std::runtime_error on an error.
  Rows query(const std::string& sql);
  void exec(const std::string& sql) { query(sql); }
  // One value, throws when the result is not exactly one row and one column.
  Cell value(const std::string& sql);

 private:
  pg_conn* conn_ = nullptr;
};

// Drops (WITH (FORCE)) and creates the database, through the maintenance database.
void recreate_database(const std::string& name);
void drop_database(const std::string& name);

// Everything the tests compare to decide that a command left a database untouched: pg_dump of
// the schema and the data (with its random \restrict key lines removed) and the rows of every
// pum_migrations table. Throws std::runtime_error when pg_dump fails.
std::string snapshot_database(const std::string& database, const std::string& scratch_dir);

// Renders rows one per line as `[a, b, ~]` for messages.
std::string format_rows(const Rows& rows);

std::string quote_literal(const std::string& text);
std::string quote_ident(const std::string& text);

}  // namespace e2e
