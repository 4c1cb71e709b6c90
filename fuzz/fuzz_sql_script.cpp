// libFuzzer target: the SQL lexer and psql-like splitter (sql::parse_script) and what reads its
// output before anything is sent to a server (check_forbidden, placeholder_names,
// leading_keywords, SourceText::location), and what locates a run-time error in a DO block
// (do_block_error_offset). Any input must either parse or be refused with a
// pum::Error; anything else (another exception, a crash, a sanitizer report) is a bug.
// Beyond "does not crash" it checks the invariants the rest of pum relies on: the tokens tile the
// text exactly, and statements lie within the text and the token list, in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "pum/sql/do_block.hpp"
#include "pum/sql/forbidden.hpp"
#include "pum/sql/placeholders.hpp"
#include "pum/sql/script.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

void check_invariants(const pum::sql::Script& script) {
  const std::string& text = script.source.text();
  std::size_t at = 0;
  for (const auto& token : script.tokens) {
    check(token.begin == at);
    check(token.end > token.begin);
    at = token.end;
  }
  check(at == text.size());
  std::size_t previous_end = 0;
  for (const auto& statement : script.statements) {
    check(statement.begin <= statement.end);
    check(statement.end <= text.size());
    check(statement.begin >= previous_end);
    check(statement.first_token <= statement.last_token);
    check(statement.last_token <= script.tokens.size());
    previous_end = statement.end;
    const pum::SourceLocation where = script.source.location(statement.begin);
    check(where.line >= 1);
    (void)pum::sql::leading_keywords(script, statement, 3);
    // Whatever the statement, the offset found for an error in it lies inside it.
    const std::string_view sql(text.data() + statement.begin, statement.end - statement.begin);
    for (const char* context : {"PL/pgSQL function inline_code_block line 2 at RAISE",
                                "PL/pgSQL function inline_code_block line 1 at SQL statement"}) {
      const auto offset = pum::sql::do_block_error_offset(sql, context, "SELECT 1", 3);
      check(!offset || *offset <= sql.size());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<pum::sql::Script> parsed;
  try {
    parsed = pum::sql::parse_script(pum::SourceText("fuzz.sql", text));
  } catch (const pum::Error&) {
    return 0;
  }
  const pum::sql::Script& script = *parsed;
  check_invariants(script);
  try {
    pum::sql::check_forbidden(script);
  } catch (const pum::Error&) {
  }
  try {
    (void)pum::sql::placeholder_names(script);
  } catch (const pum::Error&) {
  }
  try {
    (void)pum::sql::placeholder_names_whole(script);
  } catch (const pum::Error&) {
  }
  return 0;
}
