#include "pum/sql/forbidden.hpp"

#include <vector>

#include "pum/sql/string_value.hpp"
#include "pum/util/error.hpp"

namespace pum::sql {

namespace {

constexpr std::string_view kSearchPath = "set_config('search_path', ...)";

// The statement's code tokens (indexes into script.tokens).
std::vector<std::size_t> code_tokens(const Script& script, const Statement& statement) {
  std::vector<std::size_t> out;
  for (std::size_t i = statement.first_token; i < statement.last_token; ++i) {
    if (is_code(script.tokens[i].kind)) out.push_back(i);
  }
  return out;
}

class Words {
 public:
  Words(const Script& script, const std::vector<std::size_t>& code)
      : script_(script), code_(code) {}

  // True when code token k is the word w (any case).
  [[nodiscard]] bool is(std::size_t k, std::string_view w) const {
    if (k >= code_.size()) return false;
    const Token& token = script_.tokens[code_[k]];
    return token.kind == TokenKind::word && iequals(script_.text(token), w);
  }
  [[nodiscard]] bool is_symbol(std::size_t k, std::string_view s) const {
    return k < code_.size() && script_.tokens[code_[k]].kind == TokenKind::other &&
           script_.text(script_.tokens[code_[k]]) == s;
  }

 private:
  const Script& script_;
  const std::vector<std::size_t>& code_;
};

// "BEGIN" / "BEGIN WORK" / "BEGIN TRANSACTION" style: the keyword and an optional noise word.
std::string with_noise(const Words& words, std::string keyword) {
  if (words.is(1, "work")) return keyword + " WORK";
  if (words.is(1, "transaction")) return keyword + " TRANSACTION";
  return keyword;
}

std::optional<std::string> transaction_control(const Words& w) {
  if (w.is(0, "begin")) return with_noise(w, "BEGIN");
  if (w.is(0, "end")) return with_noise(w, "END");
  if (w.is(0, "abort")) return with_noise(w, "ABORT");
  if (w.is(0, "start") && w.is(1, "transaction")) return "START TRANSACTION";
  if (w.is(0, "savepoint")) return "SAVEPOINT";
  if (w.is(0, "release")) return w.is(1, "savepoint") ? "RELEASE SAVEPOINT" : "RELEASE";
  if (w.is(0, "commit")) {
    if (w.is(1, "prepared")) return "COMMIT PREPARED";
    return with_noise(w, "COMMIT");
  }
  if (w.is(0, "rollback")) {
    if (w.is(1, "prepared")) return "ROLLBACK PREPARED";
    std::string what = with_noise(w, "ROLLBACK");
    std::size_t to = what == "ROLLBACK" ? 1 : 2;
    if (w.is(to, "to")) return what + (w.is(to + 1, "savepoint") ? " TO SAVEPOINT" : " TO");
    return what;
  }
  // PREPARE TRANSACTION 'gid'; but PREPARE transaction AS ... / PREPARE transaction(int) AS ...
  // prepares a statement that happens to be called "transaction".
  if (w.is(0, "prepare") && w.is(1, "transaction") && !w.is(2, "as") && !w.is_symbol(2, "(")) {
    return "PREPARE TRANSACTION";
  }
  return std::nullopt;
}

bool is_set_config_name(const Script& script, const Token& token) {
  if (token.kind == TokenKind::word) return iequals(script.text(token), "set_config");
  if (token.kind == TokenKind::quoted_ident) return script.text(token) == "\"set_config\"";
  return false;
}

bool sets_search_path(const Script& script, const std::vector<std::size_t>& code) {
  for (std::size_t k = 0; k + 2 < code.size(); ++k) {
    if (!is_set_config_name(script, script.tokens[code[k]])) continue;
    const Token& paren = script.tokens[code[k + 1]];
    const Token& arg = script.tokens[code[k + 2]];
    if (paren.kind != TokenKind::other || script.text(paren) != "(") continue;
    if (arg.kind != TokenKind::string && arg.kind != TokenKind::dollar_string) continue;
    if (iequals(string_value(script.text(arg)), "search_path")) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> forbidden_statement(const Script& script, const Statement& statement) {
  if (!statement.has_code) return std::nullopt;
  std::vector<std::size_t> code = code_tokens(script, statement);
  if (auto what = transaction_control(Words(script, code))) return what;
  if (sets_search_path(script, code)) return std::string(kSearchPath);
  return std::nullopt;
}

void check_forbidden(const Script& script) {
  for (const Statement& statement : script.statements) {
    std::optional<std::string> what = forbidden_statement(script, statement);
    if (!what) continue;
    std::size_t first = next_code_token(script, statement.first_token, statement.last_token);
    Error error("SQL contains forbidden transaction statement: " + *what,
                script.source.location(script.tokens[first].begin));
    if (*what == kSearchPath) {
      error.hint(
          "setting the search path breaks PostGIS and the changelogs that follow; qualify object "
          "names with their schema instead");
    } else {
      error.hint(
          "pum runs the whole command in one transaction and commits it itself; remove "
          "this statement");
    }
    throw error;
  }
}

}  // namespace pum::sql
