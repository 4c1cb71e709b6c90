#include "pum/run/demo_data_file.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "pum/db/server_error.hpp"
#include "pum/run/unit.hpp"
#include "pum/sql/copy_stream.hpp"
#include "pum/sql/forbidden.hpp"
#include "pum/sql/render.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/source_text.hpp"

namespace pum::run {

namespace {

// What sql::forbidden_statement calls pg_dump's search path header.
constexpr std::string_view kSearchPathRule = "set_config('search_path', ...)";

// The largest piece handed to PQputCopyData at once (its length is an int).
constexpr std::size_t kMaxCopyMessage = std::size_t{64} << 20;

// A piece is parsed on its own: its line numbers start at 1. Puts them back where they are in
// the file (a piece always starts a line, so columns are right as they are).
Error relocated(Error error, const std::string& display, int first_line) {
  SourceLocation location = error.location();
  if (location.file == display && location.line > 0) {
    location.line += first_line - 1;
    error.at(std::move(location));
  }
  return error;
}

template <typename F>
auto located(const std::string& display, int first_line, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (Error& error) {
    throw relocated(std::move(error), display, first_line);
  }
}

void check_statements(const sql::Script& script) {
  for (const sql::Statement& statement : script.statements) {
    std::optional<std::string> what = sql::forbidden_statement(script, statement);
    if (!what || *what == kSearchPathRule) continue;
    std::size_t first = sql::next_code_token(script, statement.first_token, statement.last_token);
    throw Error("SQL contains forbidden transaction statement: " + *what,
                script.source.location(script.tokens[first].begin))
        .hint("pum commits each step of the demo data itself; remove this statement");
  }
}

Unit prepare_piece(const sql::ScriptPiece& piece, const std::string& display,
                   const Parameters& params) {
  Unit unit{display, sql::parse_script(SourceText(display, piece.text)), {}};
  check_statements(unit.script);
  for (const sql::Statement& statement : unit.script.statements) {
    if (!statement.has_code) continue;
    unit.statements.push_back(sql::render(unit.script, statement, params));
    std::size_t first =
        sql::next_code_token(unit.script, statement.first_token, statement.last_token);
    unit.code_starts.push_back(unit.script.tokens[first].begin);
  }
  if (piece.copy_data_follows) {
    const sql::Statement* last = nullptr;
    for (const sql::Statement& statement : unit.script.statements) {
      if (statement.has_code) last = &statement;
    }
    if (last == nullptr || !sql::is_copy_from_stdin(unit.script, *last)) {
      throw Error("internal error: a COPY piece does not end with COPY ... FROM STDIN",
                  SourceLocation{display, 1});
    }
  }
  return unit;
}

// psql meta-commands (see the header). `run`: log what is skipped (the check pass stays quiet).
void meta_command(const sql::ScriptPiece& piece, const std::string& display, bool run) {
  std::string_view line = piece.text;
  std::size_t start = line.find('\\') + 1;
  std::size_t end = start;
  while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\\') ++end;
  std::string name(line.substr(start, end - start));
  static const std::set<std::string> harmless{"echo",  "qecho", "warn",  "set",
                                              "unset", "pset",  "timing"};
  if (name == "restrict" || name == "unrestrict") {
    if (run) log::debug("{}:{}: skipped psql meta-command \\{}", display, piece.first_line, name);
    return;
  }
  if (harmless.count(name) != 0) {
    if (run) {
      log::warning("{}:{}: psql meta-command \\{} skipped (pum runs the SQL without psql)", display,
                   piece.first_line, name);
    }
    return;
  }
  throw Error(fmt::format("psql meta-command \\{} is not supported in demo data", name),
              SourceLocation{display, piece.first_line, 1, piece.text})
      .hint(
          "pum sends the SQL and COPY data itself, without psql; remove this line (skipping "
          "\\connect, \\i or \\copy would load something else than the file says)");
}

// The text of one line of the file, for an error in COPY data (read again, on error only).
std::string line_text_at(const std::filesystem::path& path, int wanted) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return {};
  std::string text;
  char* buffer = nullptr;
  std::size_t capacity = 0;
  for (int line = 1; ::getline(&buffer, &capacity, file.get()) >= 0; ++line) {
    if (line != wanted) continue;
    text = buffer;
    break;
  }
  std::free(buffer);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

struct CopyStatement {
  const sql::Script& script;
  const sql::Rendered& rendered;
  std::size_t code_start;
  int piece_first_line;
};

// An error of the COPY statement itself (no such table...): at the statement, in the file.
Error statement_error(const db::ServerError& server, const CopyStatement& copy,
                      const std::string& display) {
  Error error = server.to_error();
  if (server.position > 0) {
    std::size_t byte =
        utf8_char_to_byte(copy.rendered.sql, static_cast<std::size_t>(server.position - 1));
    error.at(sql::source_location(copy.script, copy.rendered, byte));
  } else {
    error.at(copy.script.source.location(copy.code_start));
  }
  return relocated(std::move(error), display, copy.piece_first_line);
}

// An error in the data: the server's CONTEXT says "COPY t, line N[, column c: ...]", N counted
// from the first data line.
Error data_error(const db::ServerError& server, const CopyStatement& copy,
                 const sql::CopyBlock& block, const std::filesystem::path& path,
                 const std::string& display) {
  static const std::regex kLine(R"(COPY [^\n]*, line ([0-9]+))");
  std::smatch match;
  if (!std::regex_search(server.context, match, kLine)) {
    return statement_error(server, copy, display);
  }
  int line = block.first_line + std::stoi(match[1].str()) - 1;
  return server.to_error().at(SourceLocation{display, line, 0, line_text_at(path, line)});
}

void run_copy(db::Connection& conn, sql::CopyStream& stream, const CopyStatement& copy,
              const std::filesystem::path& path, const std::string& display) {
  PGconn* raw = conn.raw();
  log::sql("Executing SQL: {}", copy.rendered.sql);
  if (PQsendQuery(raw, copy.rendered.sql.c_str()) == 0) db::throw_server_error(raw, nullptr, {});
  {
    db::Result first(PQgetResult(raw));
    if (first.raw() == nullptr) db::throw_server_error(raw, nullptr, {});
    if (PQresultStatus(first.raw()) != PGRES_COPY_IN) {
      db::ServerError server = db::ServerError::from_result(first.raw());
      bool failed = PQresultStatus(first.raw()) == PGRES_FATAL_ERROR;
      while (PGresult* rest = PQgetResult(raw)) PQclear(rest);
      if (failed) throw statement_error(server, copy, display);
      throw relocated(Error("COPY ... FROM STDIN did not start a copy",
                            copy.script.source.location(copy.code_start)),
                      display, copy.piece_first_line);
    }
  }
  bool sent = true;
  sql::CopyBlock block = stream.copy_data([&](std::string_view data) {
    for (std::size_t at = 0; at < data.size(); at += kMaxCopyMessage) {
      std::size_t n = std::min(kMaxCopyMessage, data.size() - at);
      if (PQputCopyData(raw, data.data() + at, static_cast<int>(n)) != 1) return sent = false;
    }
    return true;
  });
  if (sent) PQputCopyEnd(raw, nullptr);
  std::optional<db::ServerError> failure;
  std::string rows;
  while (PGresult* result = PQgetResult(raw)) {
    db::Result owned(result);
    ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK) {
      rows = PQcmdTuples(result);
    } else if (status == PGRES_COPY_IN) {
      PQputCopyEnd(raw, "pum could not send the COPY data");
    } else if (!failure) {
      failure = db::ServerError::from_result(result);
    }
  }
  if (failure) throw data_error(*failure, copy, block, path, display);
  if (!sent || PQstatus(raw) == CONNECTION_BAD) db::throw_server_error(raw, nullptr, {});
  log::debug("{}:{}: COPY loaded {} rows{}", display, block.first_line, rows,
             block.terminated ? "" : " (the data ended with the file, without a \\. line)");
}

// Settings the file sets for the session (SET, set_config(..., false)); transaction-level ones
// and the role are left out.
using Settings = std::map<std::string, std::string>;

Settings session_settings(db::Connection& conn) {
  db::Result result = conn.query(
      "SELECT name, pg_catalog.current_setting(name) FROM pg_catalog.pg_settings "
      "WHERE source = 'session' AND name NOT IN ('transaction_isolation', "
      "'transaction_read_only', 'transaction_deferrable')");
  Settings settings;
  for (int row = 0; row < result.rows(); ++row) {
    settings.emplace(result.text(row, 0), result.text(row, 1));
  }
  return settings;
}

void restore_settings(db::Connection& conn, const Settings& before, const std::string& display) {
  Settings after = session_settings(conn);
  std::string restored;
  for (const auto& [name, value] : before) {
    auto it = after.find(name);
    if (it != after.end() && it->second == value) continue;
    conn.query("SELECT pg_catalog.set_config($1, $2, false)", {name, value});
    restored += (restored.empty() ? "" : ", ") + name;
  }
  for (const auto& [name, value] : after) {
    if (before.count(name) != 0) continue;
    conn.query(
        "SELECT pg_catalog.set_config(name, reset_val, false) FROM pg_catalog.pg_settings "
        "WHERE name = $1",
        {name});
    restored += (restored.empty() ? "" : ", ") + name;
  }
  if (!restored.empty()) log::debug("Settings changed by {} put back: {}", display, restored);
}

// Walks the file; with a connection, runs it.
void walk(const std::filesystem::path& path, const std::string& display, const Parameters& params,
          db::Connection* conn) {
  sql::CopyStream stream(path, display);
  while (std::optional<sql::ScriptPiece> piece = stream.next()) {
    if (piece->kind == sql::ScriptPiece::Kind::meta_command) {
      meta_command(*piece, display, conn != nullptr);
      continue;
    }
    Unit unit =
        located(display, piece->first_line, [&] { return prepare_piece(*piece, display, params); });
    std::optional<sql::Rendered> copy_sql;
    std::size_t copy_start = 0;
    if (piece->copy_data_follows) {
      copy_sql = std::move(unit.statements.back());
      copy_start = unit.code_starts.back();
      unit.statements.pop_back();
      unit.code_starts.pop_back();
    }
    if (conn != nullptr) located(display, piece->first_line, [&] { execute(*conn, unit); });
    if (!copy_sql) continue;
    if (conn == nullptr) {
      stream.copy_data({});
      continue;
    }
    run_copy(*conn, stream, CopyStatement{unit.script, *copy_sql, copy_start, piece->first_line},
             path, display);
  }
}

}  // namespace

void check_demo_file(const std::filesystem::path& path, const std::string& display,
                     const Parameters& params) {
  walk(path, display, params, nullptr);
}

void load_demo_file(db::Connection& conn, const std::filesystem::path& path,
                    const std::string& display, const Parameters& params) {
  Settings before = session_settings(conn);
  walk(path, display, params, &conn);
  restore_settings(conn, before, display);
}

}  // namespace pum::run
