#pragma once
// A file's text with its display name and a line index, to turn byte offsets into
// SourceLocation (line, column in characters, the line's text).
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pum/util/source_location.hpp"

namespace pum {

class SourceText {
 public:
  SourceText(std::string display_name, std::string text);

  // Reads a file; throws pum::Error naming the path when it cannot be read.
  static SourceText read(const std::filesystem::path& path, std::string display_name);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& text() const { return text_; }

  // Location of a byte offset (clamped to the text). Column counts UTF-8 characters, 1-based.
  [[nodiscard]] SourceLocation location(std::size_t offset) const;
  // 1-based line number of a byte offset.
  [[nodiscard]] int line_of(std::size_t offset) const;
  // Text of a 1-based line, without its line end.
  [[nodiscard]] std::string_view line_text(int line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// Refuses text pum must not send or parse: a NUL byte ("the file contains a NUL byte": libpq
// would silently cut the text there) or invalid UTF-8 ("the file is not valid UTF-8 (byte
// 0xe9)"), located at the offending byte. A UTF-8 byte order mark is fine.
void check_text_encoding(const SourceText& text);

// Byte offset of the n-th (0-based) UTF-8 character of text, clamped to text.size().
std::size_t utf8_char_to_byte(std::string_view text, std::size_t char_index);
// Number of UTF-8 characters in text (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view text);

}  // namespace pum
