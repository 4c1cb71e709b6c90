#include "pum/flat/checksum.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdint>

#include "pum/util/error.hpp"

namespace pum::flat {

namespace {

// Code points for which Python's str.isspace() is true.
bool is_python_space(std::uint32_t c) {
  switch (c) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x1c:
    case 0x1d:
    case 0x1e:
    case 0x1f:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200a;
  }
}

bool is_continuation(unsigned char b) { return (b & 0xc0) == 0x80; }

// Decodes the code point starting at `i` (of a sequence of `len` bytes); invalid bytes decode as
// themselves (they are never whitespace).
std::uint32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = b0 < 0x80           ? 1
                  : (b0 >> 5) == 0x6  ? 2
                  : (b0 >> 4) == 0xe  ? 3
                  : (b0 >> 3) == 0x1e ? 4
                                      : 1;
  if (i + n > s.size()) n = 1;
  for (std::size_t k = 1; k < n; ++k) {
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) n = 1;
  }
  len = n;
  if (n == 1) return b0;
  std::uint32_t c = b0 & (0x7f >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  return c;
}

}  // namespace

std::string checksum_text(std::string_view file_bytes) {
  std::string text;
  text.reserve(file_bytes.size());
  for (std::size_t i = 0; i < file_bytes.size(); ++i) {
    const char c = file_bytes[i];
    if (c == '\r') {
      text.push_back('\n');
      if (i + 1 < file_bytes.size() && file_bytes[i + 1] == '\n') ++i;
    } else {
      text.push_back(c);
    }
  }
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t len = 0;
    if (!is_python_space(decode_at(text, begin, len))) break;
    begin += len;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && is_continuation(static_cast<unsigned char>(text[start]))) --start;
    std::size_t len = 0;
    const std::uint32_t c = decode_at(text, start, len);
    if (start + len != end || !is_python_space(c)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw Error("cannot compute a SHA-256 checksum (OpenSSL refused it)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(static_cast<std::size_t>(size) * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0f]);
  }
  return out;
}

std::string pgdbm_checksum(std::string_view file_bytes) {
  return sha256_hex(checksum_text(file_bytes));
}

}  // namespace pum::flat
