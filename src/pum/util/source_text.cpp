#include "pum/util/source_text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pum/util/error.hpp"

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
  return view;
}

SourceLocation SourceText::location(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  int line = line_of(offset);
  std::size_t begin = line_starts_[static_cast<std::size_t>(line) - 1];
  auto column =
      static_cast<int>(utf8_length(std::string_view(text_).substr(begin, offset - begin))) + 1;
  return SourceLocation{name_, line, column, std::string(line_text(line))};
}

}  // namespace pum
