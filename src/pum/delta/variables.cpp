#include "pum/delta/variables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include "pum/util/error.hpp"

namespace pum::delta {

namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

// psycopg2's literal of a str (standard_conforming_strings on): quotes doubled; E'' with
// backslashes doubled when there is one, so that the text is the same either way.
std::string string_literal(std::string_view s) {
  const bool backslash = s.find('\\') != std::string_view::npos;
  std::string out = backslash ? "E'" : "'";
  for (char c : s) {
    if (c == '\'') out.push_back('\'');
    if (c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

// Python's repr of a finite double: the shortest digits that round-trip, in fixed notation when
// the decimal exponent is in [-4, 16), else scientific ("1e+20", "1.5e-05").
std::string python_repr(double value) {
  char buffer[64];
  auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  if (ec != std::errc{}) return fmt::format("{}", value);
  std::string sci(buffer, end);  // "-1.2345e+02"
  std::string sign;
  if (sci.front() == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  const auto e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  const int exponent = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits.push_back(c);
  }
  if (exponent >= -4 && exponent < 16) {
    std::string out;
    if (exponent < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else {
      const auto int_len = static_cast<std::size_t>(exponent + 1);
      if (digits.size() <= int_len) {
        out = digits + std::string(int_len - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, int_len) + "." + digits.substr(int_len);
      }
    }
    return sign + out;
  }
  std::string out = digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  out += fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
  return sign + out;
}

// Digits with optional single underscores between them (Python's int() and float() accept
// "1_000"); returns them without underscores, or empty when malformed.
std::string strip_underscores(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
          !std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        return {};
      }
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace

std::string int_literal(std::string_view text) {
  std::string_view s = trim(text);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return {};
  std::string digits = strip_underscores(s);
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  const auto first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  if (digits == "0") negative = false;
  return negative ? " -" + digits : digits;
}

std::string float_literal(std::string_view text, std::string* json) {
  std::string_view s = trim(text);
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string_view body = lower;
  bool negative = false;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body == "nan") {
    if (json != nullptr) *json = "NaN";
    return "'NaN'::float";
  }
  if (body == "inf" || body == "infinity") {
    if (json != nullptr) *json = negative ? "-Infinity" : "Infinity";
    return negative ? "'-Infinity'::float" : "'Infinity'::float";
  }
  std::string plain = strip_underscores(body);
  if (plain.empty()) return {};
  // Python's float(): digits with an optional '.', at least one digit, an optional exponent.
  std::size_t i = 0;
  std::size_t mantissa_digits = 0;
  while (i < plain.size() && std::isdigit(static_cast<unsigned char>(plain[i])))
    ++i, ++mantissa_digits;
  if (i < plain.size() && plain[i] == '.') {
    ++i;
    while (i < plain.size() && std::isdigit(static_cast<unsigned char>(plain[i])))
      ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return {};
  if (i < plain.size() && plain[i] == 'e') {
    ++i;
    if (i < plain.size() && (plain[i] == '+' || plain[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < plain.size() && std::isdigit(static_cast<unsigned char>(plain[i]))) ++i;
    if (i == exp_start) return {};
  }
  if (i != plain.size()) return {};
  const double value = std::strtod(plain.c_str(), nullptr);
  if (std::isinf(value)) {
    if (json != nullptr) *json = negative ? "-Infinity" : "Infinity";
    return negative ? "'-Infinity'::float" : "'Infinity'::float";
  }
  const std::string repr = python_repr(negative ? -value : value);
  if (json != nullptr) *json = repr;
  // psycopg2 puts a space before a negative number, so that "-" after an operator is no comment.
  return repr.front() == '-' ? " " + repr : repr;
}

void Variables::add(const std::string& type, const std::string& name, const std::string& value) {
  Variable v{name, type, value, {}, {}};
  if (type == "int") {
    v.literal = int_literal(value);
    if (v.literal.empty()) {
      throw usage_error(
          fmt::format("variable {}: invalid literal for int() with base 10: '{}'", name, value));
    }
    v.json = v.literal.front() == ' ' ? v.literal.substr(1) : v.literal;
  } else if (type == "float") {
    v.literal = float_literal(value, &v.json);
    if (v.literal.empty()) {
      throw usage_error(
          fmt::format("variable {}: could not convert string to float: '{}'", name, value));
    }
  } else {
    v.literal = string_literal(value);
    v.json = json_string(value);
  }
  for (auto& existing : items_) {
    if (existing.name == name) {
      existing = std::move(v);
      return;
    }
  }
  items_.push_back(std::move(v));
}

const Variable* Variables::find(std::string_view name) const {
  for (const auto& v : items_) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

std::string Variables::json() const {
  std::string out = "{";
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (i > 0) out += ", ";
    out += json_string(items_[i].name) + ": " + items_[i].json;
  }
  return out + "}";
}

sql::Rendered render_pyformat(const sql::Script& script, const sql::Statement& statement,
                              const Variables& variables) {
  const std::string& text = script.source.text();
  std::size_t first = sql::next_code_token(script, statement.first_token, statement.last_token);
  std::size_t begin = first < script.tokens.size() ? script.tokens[first].begin : statement.begin;
  begin = std::max(begin, statement.begin);
  const std::size_t end = statement.end;

  sql::Rendered out;
  std::size_t copy_from = begin;
  auto copy_until = [&](std::size_t to) {
    if (to > copy_from) {
      out.map.add_copy(out.sql.size(), copy_from);
      out.sql.append(text, copy_from, to - copy_from);
    }
  };
  std::size_t i = begin;
  while (i < end) {
    if (text[i] != '%') {
      ++i;
      continue;
    }
    copy_until(i);
    if (i + 1 < end && text[i + 1] == '%') {
      out.map.add_generated(out.sql.size(), i);
      out.sql.push_back('%');
      i += 2;
      copy_from = i;
      continue;
    }
    if (i + 1 < end && text[i + 1] == '(') {
      const std::size_t close = text.find(')', i + 2);
      if (close == std::string::npos || close >= end) {
        throw Error("incomplete placeholder: '%(' without ')'", script.source.location(i))
            .hint(
                "with -v/--var given, pum 0.x passes the file through psycopg2's %(name)s "
                "substitution: write a literal % as %%");
      }
      const std::string name = text.substr(i + 2, close - i - 2);
      if (close + 1 >= end || text[close + 1] != 's') {
        throw Error(fmt::format("unsupported placeholder %({}){}: only %(name)s is allowed", name,
                                close + 1 < end ? std::string(1, text[close + 1]) : ""),
                    script.source.location(i))
            .hint("write a literal % as %%");
      }
      const Variable* v = variables.find(name);
      if (v == nullptr) {
        throw Error(fmt::format("unknown variable %({})s", name), script.source.location(i))
            .hint(fmt::format("give it with -v TYPE {} VALUE (TYPE: string, float or int), or "
                              "write a literal % as %%",
                              name));
      }
      out.map.add_generated(out.sql.size(), i);
      out.sql += v->literal;
      i = close + 2;
      copy_from = i;
      continue;
    }
    throw Error(fmt::format("unsupported format character after %: '{}'",
                            i + 1 < end ? std::string(1, text[i + 1]) : std::string()),
                script.source.location(i))
        .hint(
            "with -v/--var given, pum 0.x passes the file through psycopg2's %(name)s "
            "substitution: write a literal % as %%");
  }
  copy_until(end);
  out.map.finish(out.sql.size(), end);
  return out;
}

}  // namespace pum::delta
