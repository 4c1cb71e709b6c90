#pragma once
// pum's `{name}` placeholders. pum 1.x formats every SQL text with
// Python's str.format rules (through psycopg's SQL.format): `{name}` is a parameter, `{{` and `}}`
// stand for literal braces, and this applies in code AND inside string literals, dollar-quoted
// bodies and quoted identifiers. Comments are the exception: pum 1.x strips them before
// formatting, so their text is never looked at (and we copy it unchanged).
#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "pum/sql/script.hpp"

namespace pum::sql {

// Receives the pieces of a token range in order.
class FieldVisitor {
 public:
  virtual ~FieldVisitor() = default;
  // Source bytes [from, to) to copy as they are (text, a comment, or the first brace of `{{`).
  virtual void text(std::size_t from, std::size_t to) = 0;
  // A `{name}` placeholder whose '{' is at source offset `brace` and '}' ends before `end`.
  virtual void field(std::string_view name, std::size_t brace, std::size_t end) = 0;
};

// Walks script.tokens[first, last): comments go to text() untouched; the text between comments is
// parsed like str.format. Throws pum::Error located at the brace, with a hint, for a single '{'
// or '}' (literal braces must be doubled), positional fields `{}` / `{0}`, and fields with a
// format spec, conversion, attribute or index (`{a:x}`, `{a!r}`, `{a.b}`, `{a[0]}`).
void scan_placeholders(const Script& script, std::size_t first, std::size_t last,
                       FieldVisitor& visitor);

// Names of the placeholders in the code of the script's statements (not in comments), for
// validation before anything runs. Throws like scan_placeholders.
std::set<std::string> placeholder_names(const Script& script);
// The same for a text run as one unit (render_whole).
std::set<std::string> placeholder_names_whole(const Script& script);

// The error for a placeholder without a value: "unknown parameter {name}", located at the '{'.
[[noreturn]] void throw_unknown_parameter(const Script& script, std::string_view name,
                                          std::size_t brace);

}  // namespace pum::sql
