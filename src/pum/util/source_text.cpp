#include "pum/util/source_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pum/util/error.hpp"
#include "pum/util/utf8.hpp"

namespace pum {

namespace {
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }
}  // namespace

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

std::size_t utf8_char_to_byte(std::string_view text, std::size_t char_index) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(text[i])) continue;
    if (chars == char_index) return i;
    ++chars;
  }
  return text.size();
}

namespace {
// Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  std::size_t n = 0;
  unsigned int min = 0;
  if (c < 0x80U) return 1;
  if ((c & 0xE0U) == 0xC0U) {
    n = 2;
    min = 0x80U;
  } else if ((c & 0xF0U) == 0xE0U) {
    n = 3;
    min = 0x800U;
  } else if ((c & 0xF8U) == 0xF0U) {
    n = 4;
    min = 0x10000U;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  unsigned int code = c & (0xFFU >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0U) != 0x80U) return 0;
    code = (code << 6U) | (byte(i + k) & 0x3FU);
  }
  if (code < min || code > 0x10FFFFU || (code >= 0xD800U && code <= 0xDFFFU)) return 0;
  return n;
}
}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  return utf8_sequence(text, i);
}

void check_text_encoding(const SourceText& text) {
  std::string_view s = text.text();
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\0') {
      throw Error("the file contains a NUL byte", text.location(i))
          .hint("remove it; PostgreSQL text cannot hold NUL bytes");
    }
    std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      throw Error(fmt::format("the file is not valid UTF-8 (byte 0x{:02x})",
                              static_cast<unsigned char>(s[i])),
                  text.location(i))
          .hint("save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    }
    i += n;
  }
}

SourceText::SourceText(std::string display_name, std::string text)
    : name_(std::move(display_name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceText SourceText::read(const std::filesystem::path& path, std::string display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error("cannot read file: " + path.string(), SourceLocation{display_name})
        .hint("check that the file exists and is readable");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    throw Error("error while reading file: " + path.string(), SourceLocation{display_name});
  return {std::move(display_name), buffer.str()};
}

int SourceText::line_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

std::string_view SourceText::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  std::size_t begin = line_starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = static_cast<std::size_t>(line) < line_starts_.size()
                        ? line_starts_[static_cast<std::size_t>(line)] - 1
                        : text_.size();
  std::string_view view(text_);
  view = view.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  // A byte order mark is not a character an editor shows.
  if (line == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
  return view;
}

SourceLocation SourceText::location(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  int line = line_of(offset);
  std::size_t begin = line_starts_[static_cast<std::size_t>(line) - 1];
  if (line == 1 && std::string_view(text_).substr(0, 3) == "\xEF\xBB\xBF") {
    begin = std::min<std::size_t>(3, offset);
  }
  auto column =
      static_cast<int>(utf8_length(std::string_view(text_).substr(begin, offset - begin))) + 1;
  return SourceLocation{name_, line, column, std::string(line_text(line))};
}

}  // namespace pum
