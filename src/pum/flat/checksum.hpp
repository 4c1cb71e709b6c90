#pragma once
// The checksum pgdbm stores for a migration file: SHA-256 (lower-case hex) of the UTF-8 text as
// Python reads it in text mode (every "\r\n" and lone "\r" becomes "\n"), with leading and
// trailing whitespace removed as Python's str.strip() does (Unicode whitespace, not only ASCII).
// A change of line endings therefore leaves it unchanged.
#include <string>
#include <string_view>

namespace pum::flat {

// The text the checksum is computed over.
std::string checksum_text(std::string_view file_bytes);

// SHA-256 hex of bytes.
std::string sha256_hex(std::string_view bytes);

// sha256_hex(checksum_text(file_bytes)).
std::string pgdbm_checksum(std::string_view file_bytes);

}  // namespace pum::flat
