#include "pum/config/yaml_scalar.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <regex>
#include <string>
#include <system_error>

namespace pum::config {

namespace {

// PyYAML's implicit resolvers (yaml/resolver.py), written out for std::regex.
const std::regex& null_pattern() {
  static const std::regex re("^(?:~|null|Null|NULL|)$");
  return re;
}
const std::regex& bool_pattern() {
  static const std::regex re(
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  return re;
}
const std::regex& int_pattern() {
  static const std::regex re(
      "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
      "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  return re;
}
const std::regex& float_pattern() {
  static const std::regex re(
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  return re;
}

std::string without_underscores(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '_') out += c;
  }
  return out;
}

// Splits a leading sign off; returns -1 or +1.
int take_sign(std::string& digits) {
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    const int sign = digits[0] == '-' ? -1 : 1;
    digits.erase(0, 1);
    return sign;
  }
  return 1;
}

std::optional<std::int64_t> parse_base(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// construct_yaml_int: sign, 0b / 0x / leading-0 octal / a:b:c base 60 / decimal.
std::optional<std::int64_t> construct_int(std::string_view text) {
  std::string digits = without_underscores(text);
  const int sign = take_sign(digits);
  std::optional<std::int64_t> magnitude;
  if (digits == "0") {
    magnitude = 0;
  } else if (digits.starts_with("0b")) {
    magnitude = parse_base(std::string_view(digits).substr(2), 2);
  } else if (digits.starts_with("0x")) {
    magnitude = parse_base(std::string_view(digits).substr(2), 16);
  } else if (digits.starts_with("0")) {
    magnitude = parse_base(std::string_view(digits).substr(1), 8);
  } else if (digits.find(':') != std::string::npos) {
    std::int64_t total = 0;
    std::size_t start = 0;
    while (true) {
      const std::size_t colon = digits.find(':', start);
      auto part = parse_base(std::string_view(digits).substr(start, colon - start), 10);
      if (!part || __builtin_mul_overflow(total, 60, &total) ||
          __builtin_add_overflow(total, *part, &total)) {
        return std::nullopt;
      }
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    magnitude = total;
  } else {
    magnitude = parse_base(digits, 10);
  }
  if (!magnitude) return std::nullopt;
  return sign < 0 ? -*magnitude : *magnitude;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// construct_yaml_float: sign, .inf / .nan, a:b.c base 60, else a C float.
std::optional<double> construct_float(std::string_view text) {
  std::string digits = without_underscores(text);
  for (char& c : digits) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const double sign = take_sign(digits) < 0 ? -1.0 : 1.0;
  if (digits == ".inf") return sign * std::numeric_limits<double>::infinity();
  if (digits == ".nan") return std::numeric_limits<double>::quiet_NaN();
  if (digits.find(':') == std::string::npos) {
    auto value = parse_double(digits);
    if (!value) return std::nullopt;
    return sign * *value;
  }
  double total = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = digits.find(':', start);
    auto part = parse_double(std::string_view(digits).substr(start, colon - start));
    if (!part) return std::nullopt;
    total = total * 60 + *part;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return sign * total;
}

}  // namespace

TypedScalar resolve_plain_scalar(std::string_view text) {
  const std::string s(text);
  if (std::regex_match(s, null_pattern())) return {ScalarType::null, Value{}};
  if (std::regex_match(s, bool_pattern())) {
    const char first = s[0];
    const bool value = first == 'y' || first == 'Y' || first == 't' || first == 'T' || s == "on" ||
                       s == "On" || s == "ON";
    return {ScalarType::boolean, Value{value}};
  }
  if (std::regex_match(s, float_pattern())) {
    if (auto value = construct_float(s)) return {ScalarType::decimal, Value{*value}};
    return {ScalarType::text, Value{s}};
  }
  if (std::regex_match(s, int_pattern())) {
    if (auto value = construct_int(s)) return {ScalarType::integer, Value{*value}};
    return {ScalarType::text, Value{s}};
  }
  return {ScalarType::text, Value{s}};
}

const char* scalar_type_phrase(ScalarType type) {
  switch (type) {
    case ScalarType::null:
      return "null";
    case ScalarType::boolean:
      return "a boolean";
    case ScalarType::integer:
      return "an integer";
    case ScalarType::decimal:
      return "a decimal number";
    case ScalarType::text:
      return "a string";
  }
  return "a string";
}

}  // namespace pum::config
