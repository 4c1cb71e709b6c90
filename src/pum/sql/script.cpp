#include "pum/sql/script.hpp"

#include <array>

#include "pum/sql/lexer.hpp"

namespace pum::sql {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

namespace {

// psqlscan.l's heuristic for SQL-standard function bodies: once the statement starts with
// CREATE [OR REPLACE] FUNCTION|PROCEDURE, outside parentheses BEGIN opens a block, CASE opens one
// when already inside a block, END closes one; ';' splits only at depth 0.
class SplitState {
 public:
  void word(std::string_view w) {
    if (words_ < leading_.size()) {
      char letter = 0;
      for (std::string_view k : {"create", "function", "procedure", "or", "replace"}) {
        if (iequals(w, k)) letter = k[0];
      }
      leading_[words_] = letter;
    }
    ++words_;
    if (!creates_routine() || parens_ > 0) return;
    if (iequals(w, "begin")) {
      ++begins_;
    } else if (iequals(w, "case")) {
      if (begins_ >= 1) ++begins_;
    } else if (iequals(w, "end")) {
      if (begins_ > 0) --begins_;
    }
  }
  void open_paren() { ++parens_; }
  void close_paren() {
    if (parens_ > 0) --parens_;
  }
  [[nodiscard]] bool splits_here() const { return parens_ == 0 && begins_ == 0; }
  void reset() { *this = SplitState{}; }

 private:
  [[nodiscard]] bool creates_routine() const {
    const auto& l = leading_;
    return l[0] == 'c' && (l[1] == 'f' || l[1] == 'p' ||
                           (l[1] == 'o' && l[2] == 'r' && (l[3] == 'f' || l[3] == 'p')));
  }

  std::array<char, 4> leading_{};
  std::size_t words_ = 0;
  int parens_ = 0;
  int begins_ = 0;
};

}  // namespace

std::vector<Statement> split_statements(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Statement> statements;
  SplitState state;
  bool open = false;  // a statement has started (a non-whitespace token was seen)
  Statement current{};

  auto close = [&] {
    if (open) statements.push_back(current);
    open = false;
    state.reset();
  };

  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::whitespace) continue;
    if (token.kind == TokenKind::semicolon && state.splits_here()) {
      close();
      continue;
    }
    if (!open) {
      open = true;
      current = Statement{token.begin, token.end, i, i + 1, false};
    }
    current.end = token.end;
    current.last_token = i + 1;
    if (is_comment(token.kind)) continue;
    current.has_code = true;
    if (token.kind == TokenKind::word) {
      state.word(token_text(text, token));
    } else if (token.kind == TokenKind::other && token.end - token.begin == 1) {
      if (text[token.begin] == '(') state.open_paren();
      if (text[token.begin] == ')') state.close_paren();
    }
  }
  close();
  return statements;
}

Script parse_script(SourceText source) {
  Script script{std::move(source), {}, {}};
  script.tokens = tokenize(script.source.text(), script.source);
  script.statements = split_statements(script.source.text(), script.tokens);
  return script;
}

std::size_t next_code_token(const Script& script, std::size_t from, std::size_t to) {
  while (from < to && !is_code(script.tokens[from].kind)) ++from;
  return from;
}

std::string leading_keywords(const Script& script, const Statement& statement, int n) {
  std::string out;
  std::size_t i = statement.first_token;
  for (int k = 0; k < n; ++k) {
    i = next_code_token(script, i, statement.last_token);
    if (i >= statement.last_token || script.tokens[i].kind != TokenKind::word) break;
    if (!out.empty()) out += ' ';
    for (char c : script.text(script.tokens[i])) {
      out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    ++i;
  }
  return out;
}

}  // namespace pum::sql
