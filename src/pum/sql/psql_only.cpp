#include "pum/sql/psql_only.hpp"

#include <fmt/format.h>

#include "pum/util/error.hpp"

namespace pum::sql {

namespace {

// The offset of the statement's first code token when it is COPY ... FROM STDIN.
std::optional<std::size_t> copy_from_stdin(const Script& script, const Statement& statement) {
  if (!statement.has_code) return std::nullopt;
  std::size_t first = next_code_token(script, statement.first_token, statement.last_token);
  if (first >= statement.last_token || script.tokens[first].kind != TokenKind::word ||
      !iequals(script.text(script.tokens[first]), "copy")) {
    return std::nullopt;
  }
  bool after_from = false;
  for (std::size_t i = first + 1; i < statement.last_token; ++i) {
    const Token& token = script.tokens[i];
    if (!is_code(token.kind)) continue;
    const bool word = token.kind == TokenKind::word;
    if (after_from && word && iequals(script.text(token), "stdin")) {
      return script.tokens[first].begin;
    }
    after_from = word && iequals(script.text(token), "from");
  }
  return std::nullopt;
}

bool at_line_start(std::string_view text, std::size_t offset) {
  while (offset > 0) {
    const char c = text[offset - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
    --offset;
  }
  return true;
}

std::string meta_hint(const std::string& name) {
  if (name == "i" || name == "ir" || name == "include" || name == "include_relative") {
    return "put the statements of the included file here, or in another file of the changelog "
           "(the files of a version run in name order)";
  }
  if (name == "set" || name == "unset") {
    return "use a parameter of .pum.yaml ({name} in the SQL, -p NAME VALUE on the command line) "
           "instead of a psql variable";
  }
  if (name == "c" || name == "connect") return "pum runs every file on the database of -p";
  if (name == ".") {
    return "\\. ends the data of COPY ... FROM stdin, which only demo data files support";
  }
  return "remove the line";
}

}  // namespace

std::optional<PsqlOnly> find_psql_only(const Script& script) {
  const std::string_view text = script.source.text();
  std::optional<PsqlOnly> found;
  for (const Token& token : script.tokens) {
    if (token.kind != TokenKind::other || text[token.begin] != '\\') continue;
    if (!at_line_start(text, token.begin)) continue;
    std::size_t end = token.begin + 1;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' &&
           text[end] != '\r') {
      ++end;
    }
    found = PsqlOnly{token.begin, std::string(text.substr(token.begin + 1, end - token.begin - 1))};
    break;
  }
  for (const Statement& statement : script.statements) {
    if (found && statement.begin > found->offset) break;
    if (auto offset = copy_from_stdin(script, statement)) {
      if (!found || *offset < found->offset) found = PsqlOnly{*offset, "COPY"};
      break;
    }
  }
  return found;
}

void check_psql_only(const Script& script) {
  std::optional<PsqlOnly> found = find_psql_only(script);
  if (!found) return;
  if (found->name == "COPY") {
    throw Error(
        "COPY FROM STDIN is not supported here: pum sends the file to the server, which has no "
        "data to read (the lines after the statement are not its data)",
        script.source.location(found->offset))
        .hint(
            "put the data in a demo data file (demo_data: in .pum.yaml), which may hold COPY ... "
            "FROM stdin blocks with their data, or write INSERT statements");
  }
  throw Error(fmt::format("psql meta-command \\{} is not SQL: pum sends files to the server, not "
                          "to psql",
                          found->name),
              script.source.location(found->offset))
      .hint(meta_hint(found->name));
}

}  // namespace pum::sql
