#include "pum/sql/lexer.hpp"

#include <string>

#include "pum/util/error.hpp"

namespace pum::sql {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c) || c == '$'; }
// PostgreSQL's op_chars: characters that combine into multi-character operators.
bool is_operator_char(char c) {
  switch (c) {
    case '~':
    case '!':
    case '@':
    case '#':
    case '^':
    case '&':
    case '|':
    case '`':
    case '?':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '<':
    case '>':
    case '=':
      return true;
    default:
      return false;
  }
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

class Lexer {
 public:
  Lexer(std::string_view text, const SourceText& where) : text_(text), where_(where) {
    // Error locations are absolute in `where` even when `text` is a view into the middle of it.
    const std::string& whole = where.text();
    if (text.data() >= whole.data() && text.data() <= whole.data() + whole.size()) {
      base_ = static_cast<std::size_t>(text.data() - whole.data());
    }
    tokens_.reserve(text.size() / 3 + 1);
  }

  std::vector<Token> run() {
    if (text_.substr(0, kBom.size()) == kBom) emit(TokenKind::whitespace, kBom.size());
    while (pos_ < text_.size()) next();
    return std::move(tokens_);
  }

 private:
  [[nodiscard]] char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void emit(TokenKind kind, std::size_t end) {
    tokens_.push_back(Token{kind, pos_, end});
    pos_ = end;
  }

  [[noreturn]] void fail(std::size_t at, std::string message, std::string hint) const {
    throw Error(std::move(message), where_.location(base_ + at)).hint(std::move(hint));
  }

  void next() {
    char c = text_[pos_];
    char c1 = at(pos_ + 1);
    if (is_space(c)) return whitespace();
    if (c == '-' && c1 == '-') return line_comment();
    if (c == '/' && c1 == '*') return block_comment();
    if (c == '\'') return quoted_string(pos_ + 1, false);
    if (c == '"') return quoted_ident(pos_ + 1);
    if (c == '$') return dollar();
    if (is_digit(c) || (c == '.' && is_digit(c1))) return number();
    if (c == ';') return emit(TokenKind::semicolon, pos_ + 1);
    if (is_ident_start(c)) return word_or_prefixed_quote(c, c1);
    if (is_operator_char(c)) return operator_run();
    emit(TokenKind::other, pos_ + 1);
  }

  void whitespace() {
    std::size_t end = pos_;
    while (end < text_.size() && is_space(text_[end])) ++end;
    emit(TokenKind::whitespace, end);
  }

  void line_comment() {
    std::size_t end = pos_ + 2;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    emit(TokenKind::line_comment, end);
  }

  void block_comment() {
    std::size_t depth = 1;
    std::size_t i = pos_ + 2;
    while (i < text_.size()) {
      if (text_[i] == '/' && at(i + 1) == '*') {
        ++depth;
        i += 2;
      } else if (text_[i] == '*' && at(i + 1) == '/') {
        i += 2;
        if (--depth == 0) return emit(TokenKind::block_comment, i);
      } else {
        ++i;
      }
    }
    fail(pos_, "unterminated /* comment",
         "close it with */; block comments nest in PostgreSQL, so each /* needs its own */");
  }

  // `body` is the offset just after the opening quote; `escapes` is true for E'..'.
  void quoted_string(std::size_t body, bool escapes) {
    std::size_t i = body;
    while (i < text_.size()) {
      char c = text_[i];
      if (c == '\\' && escapes) {
        i += 2;
      } else if (c == '\'') {
        if (at(i + 1) != '\'') return emit(TokenKind::string, i + 1);
        i += 2;
      } else {
        ++i;
      }
    }
    if (escapes) {
      fail(pos_, "unterminated quoted string",
           "close it with '; inside E'...' a backslash escapes the next character, so \\' does "
           "not end the string (write \\\\ for a backslash)");
    }
    fail(pos_, "unterminated quoted string",
         "close it with '; write '' for a quote inside the string");
  }

  void quoted_ident(std::size_t body) {
    std::size_t i = body;
    while (i < text_.size()) {
      if (text_[i] == '"') {
        if (at(i + 1) != '"') return emit(TokenKind::quoted_ident, i + 1);
        i += 2;
      } else {
        ++i;
      }
    }
    fail(pos_, "unterminated quoted identifier",
         "close it with \"; write \"\" for a double quote inside the name");
  }

  void dollar() {
    // $tag$ where tag is empty or [A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]* (no $ inside a tag).
    std::size_t i = pos_ + 1;
    if (is_ident_start(at(i))) {
      ++i;
      while (i < text_.size() && (is_ident_start(text_[i]) || is_digit(text_[i]))) ++i;
    }
    if (at(i) == '$') {
      std::string_view delimiter = text_.substr(pos_, i + 1 - pos_);
      std::size_t close = text_.find(delimiter, i + 1);
      if (close == std::string_view::npos) {
        fail(pos_, "unterminated dollar-quoted string " + std::string(delimiter),
             "close the body with the same tag " + std::string(delimiter) +
                 "; a different tag inside the body is part of the body");
      }
      return emit(TokenKind::dollar_string, close + delimiter.size());
    }
    // $1 (a parameter) or a lone $.
    std::size_t end = pos_ + 1;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    emit(TokenKind::other, end);
  }

  void number() {
    std::size_t i = pos_;
    while (i < text_.size() && (is_digit(text_[i]) || text_[i] == '_')) ++i;
    // "1..5" is not a number followed by ".5"; PostgreSQL stops before "..".
    if (at(i) == '.' && at(i + 1) != '.') {
      ++i;
      while (i < text_.size() && (is_digit(text_[i]) || text_[i] == '_')) ++i;
    }
    if ((at(i) == 'e' || at(i) == 'E') &&
        (is_digit(at(i + 1)) || ((at(i + 1) == '+' || at(i + 1) == '-') && is_digit(at(i + 2))))) {
      i += 2;
      while (i < text_.size() && is_digit(text_[i])) ++i;
    }
    // Hex/octal/binary literals (0x1F) and trailing junk the server will reject stay in one token.
    while (i < text_.size() && (is_ident_start(text_[i]) || is_digit(text_[i]))) ++i;
    emit(TokenKind::number, i);
  }

  void word_or_prefixed_quote(char c, char c1) {
    if (c1 == '\'') {
      if (c == 'e' || c == 'E') return quoted_string(pos_ + 2, true);
      if (c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') {
        return quoted_string(pos_ + 2, false);
      }
    }
    if ((c == 'u' || c == 'U') && c1 == '&') {
      if (at(pos_ + 2) == '\'') return quoted_string(pos_ + 3, false);
      if (at(pos_ + 2) == '"') return quoted_ident(pos_ + 3);
    }
    std::size_t end = pos_ + 1;
    while (end < text_.size() && is_ident_char(text_[end])) ++end;
    emit(TokenKind::word, end);
  }

  void operator_run() {
    std::size_t end = pos_ + 1;
    while (end < text_.size() && is_operator_char(text_[end])) {
      // A comment start ends the operator, as in PostgreSQL ("+--x" is "+" then a comment).
      char n = at(end + 1);
      if ((text_[end] == '-' && n == '-') || (text_[end] == '/' && n == '*')) break;
      ++end;
    }
    emit(TokenKind::other, end);
  }

  std::string_view text_;
  const SourceText& where_;
  std::size_t base_ = 0;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, const SourceText& where) {
  return Lexer(text, where).run();
}

}  // namespace pum::sql
