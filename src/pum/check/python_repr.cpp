#include "pum/check/python_repr.hpp"

#include <fmt/format.h>

namespace pum::check {

namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length (0 when invalid) and the code point.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  if ((lead & 0xe0) == 0xc0) {
    length = 2;
    cp = lead & 0x1f;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3;
    cp = lead & 0x0f;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  // Overlong forms and surrogates are invalid.
  if ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000) ||
      (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
    return 0;
  }
  return length;
}

// Code points Python's str.isprintable() rejects that PostgreSQL text can hold in practice
// (control characters, separators other than the space). A full Unicode table is not worth it.
bool python_unprintable(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x200b && cp <= 0x200f) || cp == 0xfeff;
}

}  // namespace

std::string python_str_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (cp == '\\') {
      out += "\\\\";
    } else if (cp == static_cast<char32_t>(quote)) {
      out += '\\';
      out += quote;
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (python_unprintable(cp)) {
      out += cp <= 0xff ? fmt::format("\\x{:02x}", static_cast<unsigned>(cp))
                        : fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  out += quote;
  return out;
}

std::string python_repr(const Value& value) {
  return value ? python_str_repr(*value) : std::string("None");
}

std::string python_dict(const KindInfo& kind, const Row& row) {
  std::string out = "{";
  for (std::size_t i = 0; i < kind.columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += python_str_repr(kind.columns[i]);
    out += ": ";
    out += python_repr(i < row.values.size() ? row.values[i] : Value{});
  }
  out += '}';
  return out;
}

}  // namespace pum::check
