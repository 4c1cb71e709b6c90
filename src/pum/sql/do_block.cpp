#include "pum/sql/do_block.hpp"

#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "pum/sql/lexer.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace pum::sql {

namespace {

constexpr std::string_view kFrame = "PL/pgSQL function inline_code_block line ";

struct Frame {
  std::size_t line = 0;
  std::string_view statement;  // what PL/pgSQL ran: "RAISE", "PERFORM", "SQL statement"...
};

// The outermost frame of the DO block (the last such line: CONTEXT lists the innermost frame
// first, and a function the block calls has frames of its own).
std::optional<Frame> context_frame(std::string_view context) {
  const std::size_t at = context.rfind(kFrame);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = context.substr(at + kFrame.size());
  rest = rest.substr(0, rest.find('\n'));
  Frame frame;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), frame.line);
  if (ec != std::errc() || end == rest.data() || frame.line == 0) return std::nullopt;
  rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
  if (rest.starts_with(" at ")) frame.statement = rest.substr(4);
  return frame;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Offset in `line` of `keyword` as a whole word, any case.
std::optional<std::size_t> find_keyword(std::string_view line, std::string_view keyword) {
  for (std::size_t i = 0; i + keyword.size() <= line.size(); ++i) {
    bool same = true;
    for (std::size_t k = 0; k < keyword.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(line[i + k])) ==
             std::tolower(static_cast<unsigned char>(keyword[k]));
    }
    if (same && (i == 0 || !is_word_char(line[i - 1])) &&
        (i + keyword.size() == line.size() || !is_word_char(line[i + keyword.size()]))) {
      return i;
    }
  }
  return std::nullopt;
}

bool is_do(std::string_view word) {
  return word.size() == 2 && (word[0] == 'd' || word[0] == 'D') &&
         (word[1] == 'o' || word[1] == 'O');
}

// Byte offset where the body's text starts, after the opening quote or $tag$.
std::optional<std::size_t> body_start(std::string_view text, const Token& token) {
  if (token.kind == TokenKind::dollar_string) {
    const std::size_t close = text.find('$', token.begin + 1);
    if (close == std::string_view::npos || close >= token.end) return std::nullopt;
    return close + 1;
  }
  const std::size_t quote = text.find('\'', token.begin);
  if (quote == std::string_view::npos || quote >= token.end) return std::nullopt;
  return quote + 1;
}

}  // namespace

std::optional<std::size_t> do_block_error_offset(std::string_view statement,
                                                 std::string_view context,
                                                 std::string_view internal_query,
                                                 int internal_position) {
  const std::optional<Frame> frame = context_frame(context);
  if (!frame) return std::nullopt;
  std::vector<Token> tokens;
  try {
    const SourceText where("statement", std::string(statement));
    tokens = tokenize(where.text(), where);
  } catch (const Error&) {
    return std::nullopt;  // not lexable: not a statement pum sent as it is
  }
  const Token* body = nullptr;
  bool seen_do = false;
  for (const Token& token : tokens) {
    if (!is_code(token.kind)) continue;
    if (!seen_do) {
      if (token.kind != TokenKind::word || !is_do(token_text(statement, token))) {
        return std::nullopt;
      }
      seen_do = true;
    } else if (token.kind == TokenKind::string || token.kind == TokenKind::dollar_string) {
      body = &token;
      break;
    } else if (token.kind != TokenKind::word) {
      return std::nullopt;  // only LANGUAGE name may stand between DO and the body
    }
  }
  if (body == nullptr) return std::nullopt;
  const std::optional<std::size_t> start = body_start(statement, *body);
  if (!start) return std::nullopt;

  std::size_t line_start = *start;
  for (std::size_t n = 1; n < frame->line; ++n) {
    const std::size_t newline = statement.find('\n', line_start);
    if (newline == std::string_view::npos || newline >= body->end) return std::nullopt;
    line_start = newline + 1;
  }
  std::size_t line_end = statement.find('\n', line_start);
  if (line_end == std::string_view::npos || line_end > body->end) line_end = body->end;
  const std::string_view text = statement.substr(line_start, line_end - line_start);

  if (!internal_query.empty() && internal_position > 0) {
    const std::size_t query =
        statement.substr(line_start, body->end - line_start).find(internal_query);
    if (query != std::string_view::npos) {
      return line_start + query +
             utf8_char_to_byte(internal_query, static_cast<std::size_t>(internal_position - 1));
    }
  }
  // The statement PL/pgSQL names, when it is a keyword of the line: a one-line block holds
  // several statements.
  const std::string_view keyword = frame->statement.substr(0, frame->statement.find(' '));
  if (!keyword.empty() && keyword != "SQL" && keyword != "statement" && keyword != "assignment") {
    if (const auto found = find_keyword(text, keyword)) return line_start + *found;
  }
  const std::size_t blank = text.find_first_not_of(" \t\r");
  return line_start + (blank == std::string_view::npos ? 0 : blank);
}

}  // namespace pum::sql
