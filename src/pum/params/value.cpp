#include "pum/params/value.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <system_error>

#include "pum/util/error.hpp"

namespace pum {

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Python's repr() of a finite float: the shortest digits that round-trip, in positional notation
// with at least one decimal ("2056.0", "0.0001") when the decimal exponent is in [-4, 16), and
// otherwise in scientific notation with a signed, at least two-digit exponent ("1e+20", "1e-05").
std::string python_float_repr(double value) {
  std::string out;
  if (std::signbit(value)) {
    out += '-';
    value = -value;
  }
  if (value == 0.0) return out + "0.0";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view sci(buffer, static_cast<std::size_t>(result.ptr - buffer));  // "d.ddde+XX"
  std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::string_view exp_text = sci.substr(e_pos + 1);
  if (!exp_text.empty() && exp_text.front() == '+') exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);

  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (digits.size() > 1) out.append(".").append(digits, 1);
    out += exponent < 0 ? "e-" : "e+";
    int magnitude = std::abs(exponent);
    if (magnitude < 10) out += '0';
    out += std::to_string(magnitude);
    return out;
  }
  if (exponent < 0) {
    out.append("0.").append(static_cast<std::size_t>(-exponent - 1), '0').append(digits);
    return out;
  }
  auto integer_digits = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    return out + digits + std::string(integer_digits - digits.size(), '0') + ".0";
  }
  return out + digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
}

// Python's str(float), including its names for the special values.
std::string python_float_str(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return python_float_repr(value);
}

// libpq's PQescapeLiteral: quotes and backslashes are doubled; when there is a backslash the
// literal becomes " E'...'" (with a leading space so it cannot glue onto a preceding identifier).
std::string escape_literal(const std::string& text) {
  if (text.find('\0') != std::string::npos) {
    throw Error("PostgreSQL text fields cannot contain NUL (0x00) bytes")
        .hint("remove the NUL character from the parameter value");
  }
  bool has_backslash = text.find('\\') != std::string::npos;
  std::string out;
  out.reserve(text.size() + 5);
  if (has_backslash) out += " E";
  out += '\'';
  for (char c : text) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace

// Written by hand, not through libpq: parameters are rendered at validation time too, when no
// connection exists (PQescapeLiteral needs one). The rules copy psycopg 3's sql.Literal dumpers.
std::string render_literal(const Value& value) {
  return std::visit(
      Overloaded{
          [](std::monostate) -> std::string { return "NULL"; },
          [](bool b) -> std::string { return b ? "true" : "false"; },
          // A leading space keeps "- -5" from becoming a "--" comment, as psycopg does.
          [](std::int64_t i) -> std::string { return fmt::format("{}{}", i < 0 ? " " : "", i); },
          [](double d) -> std::string {
            if (std::isnan(d)) return "'NaN'::float8";
            if (std::isinf(d)) return d > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
            // psycopg tests `obj >= 0`, so -0.0 gets no leading space.
            return fmt::format("{}{}", d < 0 ? " " : "", python_float_repr(d));
          },
          [](const std::string& s) { return escape_literal(s); },
      },
      value);
}

std::string display(const Value& value) {
  return std::visit(Overloaded{
                        [](std::monostate) -> std::string { return "null"; },
                        [](bool b) -> std::string { return b ? "true" : "false"; },
                        [](std::int64_t i) { return std::to_string(i); },
                        [](double d) { return python_float_str(d); },
                        [](const std::string& s) { return "'" + s + "'"; },
                    },
                    value);
}

nlohmann::json to_json(const Value& value) {
  return std::visit(Overloaded{
                        [](std::monostate) { return nlohmann::json(nullptr); },
                        [](bool b) { return nlohmann::json(b); },
                        [](std::int64_t i) { return nlohmann::json(i); },
                        [](double d) { return nlohmann::json(d); },
                        [](const std::string& s) { return nlohmann::json(s); },
                    },
                    value);
}

Value from_json(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::null:
      return std::monostate{};
    case nlohmann::json::value_t::boolean:
      return json.get<bool>();
    case nlohmann::json::value_t::number_integer:
      return json.get<std::int64_t>();
    case nlohmann::json::value_t::number_unsigned: {
      auto u = json.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return static_cast<std::int64_t>(u);
      }
      return static_cast<double>(u);
    }
    case nlohmann::json::value_t::number_float:
      return json.get<double>();
    case nlohmann::json::value_t::string:
      return json.get<std::string>();
    default:
      return json.dump();
  }
}

nlohmann::json to_json(const Parameters& parameters) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : parameters) out[name] = to_json(value);
  return out;
}

namespace {

// Python compares int and float exactly (2**53 + 1 != 2.0**53); so do we.
bool int_equals_double(std::int64_t i, double d) {
  constexpr double kTwo63 = 9223372036854775808.0;
  if (!std::isfinite(d) || d < -kTwo63 || d >= kTwo63 || std::trunc(d) != d) return false;
  return static_cast<std::int64_t>(d) == i;
}

// bool is an int subclass in Python: true == 1, false == 0.0.
std::optional<std::int64_t> as_int(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return std::nullopt;
}

}  // namespace

bool python_equal(const Value& a, const Value& b) {
  if (std::holds_alternative<std::monostate>(a) || std::holds_alternative<std::monostate>(b)) {
    return std::holds_alternative<std::monostate>(a) && std::holds_alternative<std::monostate>(b);
  }
  if (const auto* sa = std::get_if<std::string>(&a)) {
    const auto* sb = std::get_if<std::string>(&b);
    return sb != nullptr && *sa == *sb;
  }
  if (std::holds_alternative<std::string>(b)) return false;
  auto ia = as_int(a);
  auto ib = as_int(b);
  if (ia && ib) return *ia == *ib;
  if (ia) return int_equals_double(*ia, std::get<double>(b));
  if (ib) return int_equals_double(*ib, std::get<double>(a));
  return std::get<double>(a) == std::get<double>(b);
}

}  // namespace pum
