#pragma once
// Where a run-time error inside a DO block happened. The server gives such an error no position,
// only a CONTEXT line "PL/pgSQL function inline_code_block line N at RAISE", where N counts the
// lines of the block's body from the line of its opening quote; pum turns it back into a place
// in the statement, so that the error points at the line of the file that failed and not at the
// DO keyword.
#include <cstddef>
#include <optional>
#include <string_view>

namespace pum::sql {

// `statement`: the text sent (one statement, or inline code that starts with DO). Returns the
// byte offset in it of the failing line's first non-blank character or, when `internal_query`
// (the SQL statement PL/pgSQL ran) appears on that line, of the character `internal_position`
// (1-based, 0 = none) points at inside it. nullopt when the statement is not a DO block, the
// context names no line of it, or the body has fewer lines.
std::optional<std::size_t> do_block_error_offset(std::string_view statement,
                                                 std::string_view context,
                                                 std::string_view internal_query = {},
                                                 int internal_position = 0);

}  // namespace pum::sql
