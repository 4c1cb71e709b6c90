#pragma once
// The text pum sends to the server: a statement (or a whole inline text) with its `{name}`
// placeholders replaced by SQL literals (render_literal), plus the map back to the source file.
#include <cstddef>
#include <string>

#include "pum/params/value.hpp"
#include "pum/sql/offset_map.hpp"
#include "pum/sql/script.hpp"
#include "pum/util/source_location.hpp"

namespace pum::sql {

struct Rendered {
  std::string sql;
  OffsetMap map;  // byte offsets in sql -> absolute byte offsets in Script::source
};

// One statement, from its first non-whitespace token to its end (the ';' excluded); comments
// inside it are copied unchanged. Throws pum::Error located at the brace for an unknown parameter
// ("unknown parameter {name}") and for the malformed placeholders scan_placeholders rejects.
Rendered render(const Script& script, const Statement& statement, const Parameters& params);

// The whole text as one unit (inline `code:` hooks): nothing is split or trimmed, only a leading
// UTF-8 byte order mark is left out; placeholders in comments are left alone.
Rendered render_whole(const Script& script, const Parameters& params);

// Where a rendered byte offset comes from in the source file (for server error positions; the
// server counts characters: convert with utf8_char_to_byte(rendered.sql, position - 1) first).
SourceLocation source_location(const Script& script, const Rendered& rendered,
                               std::size_t rendered_offset);

}  // namespace pum::sql
