#include "pum/check/generated_names.hpp"

#include <array>

namespace pum::check {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (static_cast<unsigned char>(c) >= 0x80);
}

bool generated_stem(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kSuffixes = {
      "_pkey", "_key", "_fkey", "_check", "_excl", "_idx", "_seq", "_not_null"};
  for (auto suffix : kSuffixes) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string strip_generated_suffixes(std::string_view text) {
  // Fast path: a generated suffix ends in y, k, l, x or q right before the number.
  bool candidate = false;
  for (std::size_t i = 1; i < text.size() && !candidate; ++i) {
    char c = text[i - 1];
    candidate = text[i] >= '0' && text[i] <= '9' &&
                (c == 'y' || c == 'k' || c == 'l' || c == 'x' || c == 'q');
  }
  if (!candidate) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!word_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && word_char(text[i])) ++i;
    std::string_view word = text.substr(start, i - start);
    std::size_t digits = word.size();
    while (digits > 0 && word[digits - 1] >= '0' && word[digits - 1] <= '9') --digits;
    if (digits < word.size() && generated_stem(word.substr(0, digits))) {
      out.append(word.substr(0, digits));
    } else {
      out.append(word);
    }
  }
  return out;
}

}  // namespace pum::check
