#include "pum/flat/flat_name.hpp"

namespace pum::flat {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t count_digits(std::string_view text, std::size_t from) {
  std::size_t n = 0;
  while (from + n < text.size() && is_digit(text[from + n])) ++n;
  return n;
}

constexpr std::size_t kMaxDigits = 18;  // fits a 64-bit release number

}  // namespace

bool is_simple_identifier(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(name[0])) return false;
  for (char c : name) {
    if (!letter(c) && !is_digit(c)) return false;
  }
  return true;
}

std::optional<FlatName> parse_flat_name(std::string_view file_name) {
  constexpr std::string_view kExt = ".sql";
  if (file_name.size() <= kExt.size() || file_name.substr(file_name.size() - kExt.size()) != kExt) {
    return std::nullopt;
  }
  const std::string_view stem = file_name.substr(0, file_name.size() - kExt.size());
  FlatName out;
  std::string number;
  std::size_t rest = 0;

  const std::size_t digits = count_digits(stem, 0);
  if (digits > 0) {
    if (digits >= stem.size() || stem[digits] != '_') return std::nullopt;
    // YYYYmmdd_HHMMSS_: eight digits, '_', six digits, '_'.
    const std::size_t time_digits = digits == 8 ? count_digits(stem, 9) : 0;
    if (time_digits == 6 && stem.size() > 15 && stem[15] == '_') {
      number = std::string(stem.substr(0, 8)) + std::string(stem.substr(9, 6));
      out.style = NameStyle::timestamp;
      rest = 16;
    } else {
      number = std::string(stem.substr(0, digits));
      out.style = NameStyle::number;
      rest = digits + 1;
    }
    if (number.size() > kMaxDigits) return std::nullopt;
    out.number = out.style == NameStyle::timestamp ? std::string(stem.substr(0, 15)) : number;
  } else if (stem.size() > 1 && stem[0] == 'V') {
    // V<n>[.<n>...]__
    std::size_t i = 1;
    while (true) {
      const std::size_t n = count_digits(stem, i);
      if (n == 0 || n > kMaxDigits) return std::nullopt;
      i += n;
      if (i < stem.size() && stem[i] == '.') {
        ++i;
        continue;
      }
      break;
    }
    if (stem.substr(i, 2) != "__") return std::nullopt;
    number = std::string(stem.substr(1, i - 1));
    out.number = number;
    out.style = NameStyle::flyway;
    rest = i + 2;
  } else {
    return std::nullopt;
  }
  auto version = Version::parse(number);
  if (!version) return std::nullopt;
  out.version = *version;
  out.name = std::string(stem.substr(rest));
  return out;
}

}  // namespace pum::flat
