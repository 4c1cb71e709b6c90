#include "pum/sql/string_value.hpp"

#include <cstdint>

namespace pum::sql {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads up to `max` hex digits at body[i...]; returns how many were read.
std::size_t read_hex(std::string_view body, std::size_t i, std::size_t max, std::uint32_t& cp) {
  std::size_t n = 0;
  cp = 0;
  while (n < max && i + n < body.size() && hex_digit(body[i + n]) >= 0) {
    cp = cp * 16 + static_cast<std::uint32_t>(hex_digit(body[i + n]));
    ++n;
  }
  return n;
}

std::string undouble(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    out += body[i];
    if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'') ++i;
  }
  return out;
}

std::string unescape_e(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\'' && i + 1 < body.size() && body[i + 1] == '\'') {
      out += '\'';
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    std::uint32_t cp = 0;
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'x': {
        std::size_t n = read_hex(body, i + 1, 2, cp);
        if (n == 0) {
          out += 'x';
        } else {
          out += static_cast<char>(cp);
          i += n;
        }
        break;
      }
      case 'u':
      case 'U': {
        std::size_t want = e == 'u' ? 4 : 8;
        if (read_hex(body, i + 1, want, cp) == want) {
          append_utf8(out, cp);
          i += want;
        } else {
          out += e;
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          std::uint32_t v = 0;
          std::size_t n = 0;
          while (n < 3 && i + n < body.size() && body[i + n] >= '0' && body[i + n] <= '7') {
            v = v * 8 + static_cast<std::uint32_t>(body[i + n] - '0');
            ++n;
          }
          out += static_cast<char>(v & 0xFF);
          i += n - 1;
        } else {
          out += e;
        }
    }
  }
  return out;
}

std::string unescape_unicode(std::string_view body) {
  std::string text = undouble(body);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::uint32_t cp = 0;
    if (text[i] == '\\' && i + 1 < text.size()) {
      if (text[i + 1] == '\\') {
        out += '\\';
        ++i;
        continue;
      }
      if (text[i + 1] == '+' && read_hex(text, i + 2, 6, cp) == 6) {
        append_utf8(out, cp);
        i += 7;
        continue;
      }
      if (read_hex(text, i + 1, 4, cp) == 4) {
        append_utf8(out, cp);
        i += 4;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::string string_value(std::string_view token) {
  if (token.size() >= 2 && token.front() == '$') {
    std::size_t tag_end = token.find('$', 1);
    if (tag_end == std::string_view::npos) return std::string(token);
    std::size_t delimiter = tag_end + 1;
    if (token.size() < 2 * delimiter) return std::string(token);
    return std::string(token.substr(delimiter, token.size() - 2 * delimiter));
  }
  std::size_t quote = token.find('\'');
  if (quote == std::string_view::npos || quote > 2 || token.size() < quote + 2 ||
      token.back() != '\'') {
    return std::string(token);
  }
  std::string_view body = token.substr(quote + 1, token.size() - quote - 2);
  std::string_view prefix = token.substr(0, quote);
  if (prefix == "E" || prefix == "e") return unescape_e(body);
  if (prefix == "U&" || prefix == "u&") return unescape_unicode(body);
  return undouble(body);
}

}  // namespace pum::sql
