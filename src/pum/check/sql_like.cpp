#include "pum/check/sql_like.hpp"

#include <vector>

namespace pum::check {

namespace {

// Length of the UTF-8 sequence starting with this byte (1 for stray continuation bytes).
std::size_t char_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

struct Token {
  enum Type { literal, any_one, any_run } type;
  std::string_view text;  // for literal: one character
};

std::vector<Token> tokenize(std::string_view pattern) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '%') {
      tokens.push_back({Token::any_run, {}});
      ++i;
      continue;
    }
    if (c == '_') {
      tokens.push_back({Token::any_one, {}});
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) ++i;
    std::size_t length = char_length(static_cast<unsigned char>(pattern[i]));
    tokens.push_back({Token::literal, pattern.substr(i, length)});
    i += length;
  }
  return tokens;
}

}  // namespace

bool sql_like(std::string_view text, std::string_view pattern) {
  std::vector<Token> tokens = tokenize(pattern);
  // Classic wildcard matching with backtracking to the last %.
  std::size_t t = 0, p = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    std::size_t length = char_length(static_cast<unsigned char>(text[t]));
    if (p < tokens.size() && tokens[p].type == Token::any_run) {
      star_p = p++;
      star_t = t;
      continue;
    }
    if (p < tokens.size() &&
        (tokens[p].type == Token::any_one ||
         (tokens[p].type == Token::literal && text.substr(t, length) == tokens[p].text))) {
      ++p;
      t += length;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    star_t += char_length(static_cast<unsigned char>(text[star_t]));
    t = star_t;
  }
  while (p < tokens.size() && tokens[p].type == Token::any_run) ++p;
  return p == tokens.size();
}

}  // namespace pum::check
