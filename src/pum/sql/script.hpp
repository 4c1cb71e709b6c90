#pragma once
// A SQL file cut into statements the way psql cuts it: on ';', except inside parentheses (so
// CREATE RULE ... DO ( a; b ) stays whole) and inside the BEGIN ATOMIC ... END body of
// CREATE [OR REPLACE] FUNCTION/PROCEDURE (BEGIN and CASE open, END closes, as psqlscan.l does).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pum/sql/token.hpp"
#include "pum/util/source_text.hpp"

namespace pum::sql {

struct Statement {
  std::size_t begin;  // byte offset of the first token that is not whitespace (may be a comment)
  std::size_t end;    // one past the last non-whitespace token before the terminating ';'
  std::size_t first_token, last_token;  // token index range [first, last) in Script::tokens
  bool has_code;  // false when the statement holds only comments (such statements are not executed)
};

struct Script {
  SourceText source;
  std::vector<Token> tokens;  // offsets absolute in source.text()
  std::vector<Statement> statements;

  [[nodiscard]] std::string_view text(const Token& token) const {
    return token_text(source.text(), token);
  }
  [[nodiscard]] std::string_view text(const Statement& statement) const {
    return std::string_view(source.text()).substr(statement.begin, statement.end - statement.begin);
  }
};

// Tokenizes and splits; throws pum::Error (see tokenize) for unterminated quotes and comments.
Script parse_script(SourceText source);

// The splitting alone, over tokens of `text` (never throws).
std::vector<Statement> split_statements(std::string_view text, const std::vector<Token>& tokens);

// Index of the first code token (not whitespace, not a comment) in [from, to), or `to`.
std::size_t next_code_token(const Script& script, std::size_t from, std::size_t to);

// The first n code tokens of the statement, as long as they are words, upper-cased and joined by
// one space: "CREATE TABLE", "BEGIN". Empty when the statement does not start with a word.
std::string leading_keywords(const Script& script, const Statement& statement, int n);

// ASCII case-insensitive comparison (SQL keywords).
bool iequals(std::string_view a, std::string_view b);

}  // namespace pum::sql
