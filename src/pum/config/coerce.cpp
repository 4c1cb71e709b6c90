#include "pum/config/coerce.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

#include "pum/config/suggest.hpp"
#include "pum/util/error.hpp"

namespace pum::config {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// [+-]digits, the whole text, within 64 bits.
std::optional<std::int64_t> parse_integer(std::string_view text) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && text[0] == '-') return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A decimal number as Python's float() reads it (sign, digits, exponent, inf, nan), the whole
// text.
std::optional<double> parse_decimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text[0] == '+' || text[0] == '-') return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return negative ? -value : value;
}

// Text to boolean, never silently different from pum 1.8: a word pum reads as true is true, a
// word that plainly means false is false (pum reads every other word as false too), anything
// else — where pum would silently take false for something that looks like true, such as "on"
// or "True" in YAML — is refused.
// pum 1.8, YAML default given as a string: true iff "1", "true" or "TRUE".
std::optional<bool> parse_boolean_yaml(std::string_view text) {
  if (text == "1" || text == "true" || text == "TRUE") return true;
  const std::string word = lower(text);
  if (word == "0" || word == "false" || word == "no" || word == "off") return false;
  return std::nullopt;
}

// pum 1.8, -p NAME VALUE: true iff the lower-cased value is "true", "1" or "yes".
std::optional<bool> parse_boolean_cli(std::string_view text) {
  const std::string word = lower(text);
  if (word == "true" || word == "1" || word == "yes") return true;
  if (word == "false" || word == "0" || word == "no" || word == "off") return false;
  return std::nullopt;
}

std::optional<std::int64_t> integral(double value) {
  // 2^63 is exactly representable; anything at or above it does not fit.
  constexpr double kLimit = 9223372036854775808.0;
  if (!std::isfinite(value) || std::trunc(value) != value) return std::nullopt;
  if (value >= kLimit || value < -kLimit) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::optional<Value> to_integer(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return Value{*i};
  if (const auto* d = std::get_if<double>(&value)) {
    if (auto i = integral(*d)) return Value{*i};
    return std::nullopt;
  }
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto i = parse_integer(*s)) return Value{*i};
  }
  return std::nullopt;
}

std::optional<Value> to_decimal(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return Value{static_cast<double>(*i)};
  if (const auto* d = std::get_if<double>(&value)) return Value{*d};
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto d = parse_decimal(*s)) return Value{*d};
  }
  return std::nullopt;
}

std::optional<Value> to_boolean(const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return Value{*b};
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    if (*i == 0 || *i == 1) return Value{*i == 1};
    return std::nullopt;
  }
  if (const auto* d = std::get_if<double>(&value)) {
    if (*d == 0.0 || *d == 1.0) return Value{*d == 1.0};
    return std::nullopt;
  }
  if (const auto* s = std::get_if<std::string>(&value)) {
    if (auto b = parse_boolean_yaml(*s)) return Value{*b};
  }
  return std::nullopt;
}

Value to_text(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return Value{*s};
  if (const auto* b = std::get_if<bool>(&value)) return Value{std::string(*b ? "true" : "false")};
  if (const auto* i = std::get_if<std::int64_t>(&value)) return Value{std::to_string(*i)};
  return Value{display(value)};  // a decimal, written as Python writes it (2056.0)
}

}  // namespace

std::optional<Value> coerce_to_type(ParamType type, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return Value{};
  switch (type) {
    case ParamType::integer:
      return to_integer(value);
    case ParamType::decimal:
      return to_decimal(value);
    case ParamType::boolean:
      return to_boolean(value);
    case ParamType::text:
    case ParamType::path:
      return to_text(value);
  }
  return std::nullopt;
}

std::optional<Value> coerce_value(const ParameterDef& def, const Value& value) {
  return coerce_to_type(def.type, value);
}

bool is_allowed_value(const ParameterDef& def, const Value& value) {
  if (!def.values || std::holds_alternative<std::monostate>(value)) return true;
  for (const auto& allowed : *def.values) {
    if (python_equal(allowed, value)) return true;
  }
  return false;
}

std::string format_values(const std::vector<Value>& values) {
  std::vector<std::string> shown;
  shown.reserve(values.size());
  for (const auto& value : values) shown.push_back(display(value));
  return fmt::format("[{}]", join(shown));
}

std::string type_phrase(ParamType type) {
  switch (type) {
    case ParamType::boolean:
      return "a boolean";
    case ParamType::integer:
      return "an integer";
    case ParamType::decimal:
      return "a decimal number";
    case ParamType::text:
      return "a text";
    case ParamType::path:
      return "a path";
  }
  return "a text";
}

Value coerce_cli_value(const ParameterDef& def, std::string_view text) {
  std::optional<Value> value;
  std::string hint;
  switch (def.type) {
    case ParamType::integer:
      if (auto i = parse_integer(text)) value = Value{*i};
      hint = "pass a whole number such as 42";
      break;
    case ParamType::decimal:
      if (auto d = parse_decimal(text)) value = Value{*d};
      hint = "pass a number such as 1.5";
      break;
    case ParamType::boolean:
      if (auto b = parse_boolean_cli(text)) value = Value{*b};
      hint = "pass true or false (yes/no and 1/0 work too)";
      break;
    case ParamType::text:
    case ParamType::path:
      value = Value{std::string(text)};
      break;
  }
  if (!value) {
    throw Error(fmt::format("invalid value '{}' for parameter '{}': expected {}", text, def.name,
                            type_phrase(def.type)))
        .hint(hint);
  }
  if (!is_allowed_value(def, *value)) {
    throw Error(fmt::format("Parameter '{}' value '{}' is not allowed. Allowed values: {}",
                            def.name, text, format_values(*def.values)))
        .hint(fmt::format("pass one of the values listed under 'values' of parameter '{}' in the "
                          "configuration",
                          def.name));
  }
  return *value;
}

}  // namespace pum::config
