#include "pg.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "process.hpp"

namespace e2e {

namespace {

std::string maintenance_conninfo() {
  const char* db = std::getenv("PGDATABASE");
  return conninfo_for(db != nullptr && *db != '\0' ? db : "postgres");
}

std::string field(const PGresult* result, int code) {
  const char* v = PQresultErrorField(result, code);
  return v != nullptr ? v : "";
}

}  // namespace

void require_test_server() {
  const char* flag = std::getenv("PUM_TEST_PG");
  if (flag == nullptr || *flag == '\0') {
    throw std::runtime_error(
        "PUM_TEST_PG is not set: these tests need the throwaway PostgreSQL server. Run them "
        "through scripts/test.sh (it starts the server and sets PUM_TEST_PG, PGHOST, PGPORT, "
        "PGUSER).");
  }
}

std::string conninfo_for(const std::string& database) { return "dbname=" + database; }

std::string database_name(const std::string& prefix, const std::string& name) {
  std::string out = prefix;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.size() > 63) out.resize(63);
  return out;
}

Db::Db(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
    if (conn_ != nullptr) PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error("cannot connect to the test server (" + conninfo + "): " + message);
  }
  PQclear(PQexec(conn_, "SET client_min_messages = warning"));
}

Db::~Db() {
  if (conn_ != nullptr) PQfinish(conn_);
}

Rows Db::query(const std::string& sql, std::optional<SqlError>* error) {
  Rows rows;
  if (error != nullptr) error->reset();
  if (PQsendQuery(conn_, sql.c_str()) == 0) {
    if (error != nullptr) *error = SqlError{"", PQerrorMessage(conn_)};
    return rows;
  }
  // With several statements keep the last result's rows, or the first error.
  while (PGresult* result = PQgetResult(conn_)) {
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_TUPLES_OK) {
      rows.clear();
      for (int r = 0; r < PQntuples(result); ++r) {
        Row row;
        for (int c = 0; c < PQnfields(result); ++c) {
          if (PQgetisnull(result, r, c) != 0) {
            row.emplace_back(std::nullopt);
          } else {
            row.emplace_back(std::string(PQgetvalue(result, r, c)));
          }
        }
        rows.push_back(std::move(row));
      }
    } else if (status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY) {
      if (error != nullptr && !*error) {
        std::string message = field(result, PG_DIAG_MESSAGE_PRIMARY);
        if (message.empty()) message = PQresultErrorMessage(result);
        const std::string detail = field(result, PG_DIAG_MESSAGE_DETAIL);
        const std::string hint = field(result, PG_DIAG_MESSAGE_HINT);
        if (!detail.empty()) message += "\nDETAIL: " + detail;
        if (!hint.empty()) message += "\nHINT: " + hint;
        *error = SqlError{field(result, PG_DIAG_SQLSTATE), message};
      }
    }
    PQclear(result);
  }
  return rows;
}

Rows Db::query(const std::string& sql) {
  std::optional<SqlError> error;
  Rows rows = query(sql, &error);
  if (error) {
    throw std::runtime_error("SQL failed: " + sql + "\n" + error->sqlstate + ": " + error->message);
  }
  return rows;
}

Cell Db::value(const std::string& sql) {
  Rows rows = query(sql);
  if (rows.size() != 1 || rows[0].size() != 1) {
    throw std::runtime_error("expected one value from: " + sql + "\ngot:\n" + format_rows(rows));
  }
  return rows[0][0];
}

void drop_database(const std::string& name) {
  Db admin(maintenance_conninfo());
  admin.exec("DROP DATABASE IF EXISTS " + quote_ident(name) + " WITH (FORCE)");
}

void recreate_database(const std::string& name) {
  Db admin(maintenance_conninfo());
  admin.exec("DROP DATABASE IF EXISTS " + quote_ident(name) + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + quote_ident(name));
}

std::string snapshot_database(const std::string& database, const std::string& scratch_dir) {
  ProcessOptions options;
  static const std::string pg_dump = find_pg_program("pg_dump");
  options.argv = {pg_dump, "--no-password", "-d", conninfo_for(database)};
  options.timeout = std::chrono::seconds(60);
  ProcessResult dump = run_process(options, scratch_dir);
  if (dump.signal != 0 || dump.timed_out || dump.exit_code != 0) {
    throw std::runtime_error("pg_dump of " + database + " failed (" + dump.status() + "):\n" +
                             dump.stderr_text);
  }
  std::ostringstream out;
  std::istringstream lines(dump.stdout_text);
  for (std::string line; std::getline(lines, line);) {
    // pg_dump >= 15.14 brackets its output with a random key: not part of the database.
    if (line.rfind("\\restrict ", 0) == 0 || line.rfind("\\unrestrict ", 0) == 0) continue;
    out << line << '\n';
  }
  Db db(conninfo_for(database));
  const Rows tables = db.query(
      "SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
      "ON n.oid = c.relnamespace WHERE c.relname = 'pum_migrations' AND c.relkind = 'r' "
      "ORDER BY 1");
  for (const Row& t : tables) {
    const std::string table = quote_ident(*t[0]) + ".pum_migrations";
    out << "-- rows of " << table << '\n';
    out << format_rows(db.query("SELECT * FROM " + table + " ORDER BY 1"));
  }
  return out.str();
}

std::string format_rows(const Rows& rows) {
  std::string out;
  for (const Row& row : rows) {
    out += "[";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ", ";
      out += row[i] ? "\"" + *row[i] + "\"" : "~";
    }
    out += "]\n";
  }
  if (rows.empty()) out = "(no rows)\n";
  return out;
}

std::string quote_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string quote_ident(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace e2e
