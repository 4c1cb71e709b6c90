#include "pum/flat/no_transaction.hpp"

#include <string_view>
#include <vector>

namespace pum::flat {

namespace {

constexpr std::string_view kMarker = "-- pgdbm:no-transaction";

std::optional<std::size_t> marker_offset(const sql::Script& script) {
  const std::string& text = script.source.text();
  for (const auto& token : script.tokens) {
    if (token.kind != sql::TokenKind::line_comment) continue;
    if (token.begin > 0 && text[token.begin - 1] != '\n') continue;  // not at a line start
    const std::string_view comment = script.text(token);
    if (comment.substr(0, kMarker.size()) != kMarker) continue;
    if (comment.size() == kMarker.size()) return token.begin;
    const char next = comment[kMarker.size()];
    if (next == ' ' || next == '\t' || next == '\r' || next == '\f' || next == '\v') {
      return token.begin;
    }
  }
  return std::nullopt;
}

// The code words of a statement, upper-cased, up to `limit` (non-words become "").
std::vector<std::string> code_words(const sql::Script& script, const sql::Statement& statement,
                                    std::size_t limit) {
  std::vector<std::string> out;
  for (std::size_t i = statement.first_token; i < statement.last_token && out.size() < limit; ++i) {
    const auto& token = script.tokens[i];
    if (!sql::is_code(token.kind)) continue;
    std::string word;
    if (token.kind == sql::TokenKind::word) {
      for (char c : script.text(token)) {
        word += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      }
    }
    out.push_back(std::move(word));
  }
  return out;
}

bool contains(const std::vector<std::string>& words, std::string_view word) {
  for (const auto& w : words) {
    if (w == word) return true;
  }
  return false;
}

std::optional<std::string> statement_reason(const sql::Script& script,
                                            const sql::Statement& statement) {
  const std::string head = sql::leading_keywords(script, statement, 4);
  auto starts = [&head](std::string_view prefix) {
    return head.size() >= prefix.size() &&
           std::string_view(head).substr(0, prefix.size()) == prefix &&
           (head.size() == prefix.size() || head[prefix.size()] == ' ');
  };
  if (starts("CREATE INDEX CONCURRENTLY") || starts("CREATE UNIQUE INDEX CONCURRENTLY")) {
    return "CREATE INDEX CONCURRENTLY";
  }
  if (starts("DROP INDEX CONCURRENTLY")) return "DROP INDEX CONCURRENTLY";
  if (starts("VACUUM")) return "VACUUM";
  if (starts("CREATE DATABASE")) return "CREATE DATABASE";
  if (starts("DROP DATABASE")) return "DROP DATABASE";
  if (starts("CREATE TABLESPACE")) return "CREATE TABLESPACE";
  if (starts("DROP TABLESPACE")) return "DROP TABLESPACE";
  if (starts("ALTER SYSTEM")) return "ALTER SYSTEM";
  if (starts("REINDEX")) {
    const auto words = code_words(script, statement, 16);
    if (contains(words, "CONCURRENTLY")) return "REINDEX CONCURRENTLY";
    if (words.size() > 1 && (words[1] == "DATABASE" || words[1] == "SYSTEM")) {
      return "REINDEX " + words[1];
    }
    return std::nullopt;
  }
  if (starts("ALTER TABLE")) {
    const auto words = code_words(script, statement, 64);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] == "DETACH" && words[i + 1] == "PARTITION" && contains(words, "CONCURRENTLY")) {
        return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
      }
    }
  }
  return std::nullopt;
}

}  // namespace

bool has_no_transaction_marker(const sql::Script& script) {
  return marker_offset(script).has_value();
}

std::optional<NoTransaction> no_transaction_reason(const sql::Script& script) {
  if (auto offset = marker_offset(script)) return NoTransaction{std::string(kMarker), *offset};
  for (const auto& statement : script.statements) {
    if (!statement.has_code) continue;
    if (auto reason = statement_reason(script, statement)) {
      return NoTransaction{*reason, statement.begin};
    }
  }
  return std::nullopt;
}

}  // namespace pum::flat
