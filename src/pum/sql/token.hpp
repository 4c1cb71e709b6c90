#pragma once
// The tokens of a SQL text as the lexer (lexer.hpp) cuts it: every byte of the text belongs to
// exactly one token, so the tokens laid end to end give back the text.
#include <cstddef>
#include <string_view>

namespace pum::sql {

enum class TokenKind {
  whitespace,     // spaces, tabs, line ends; also a UTF-8 byte order mark at the very start
  line_comment,   // -- up to (not including) the line end
  block_comment,  // /* ... */, nesting
  string,         // '..', E'..', U&'..', B'..', X'..', N'..' (prefix included)
  dollar_string,  // $tag$ ... $tag$
  quoted_ident,   // ".." and U&".."
  word,           // keyword or unquoted identifier (may contain $ after the first character)
  number,         // 42, 1.5e3, .5, 0x1F, 1_000
  semicolon,      // ;
  other,          // operators, punctuation, braces, $1 parameters
};

struct Token {
  TokenKind kind;
  std::size_t begin;  // byte offsets in the source text
  std::size_t end;
};

// The token's text in the text it was cut from.
inline std::string_view token_text(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

inline bool is_comment(TokenKind kind) {
  return kind == TokenKind::line_comment || kind == TokenKind::block_comment;
}

// Code is everything the server parses: not whitespace and not comments.
inline bool is_code(TokenKind kind) { return kind != TokenKind::whitespace && !is_comment(kind); }

}  // namespace pum::sql
