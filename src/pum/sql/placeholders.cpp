#include "pum/sql/placeholders.hpp"

#include <fmt/format.h>

#include "pum/util/error.hpp"

namespace pum::sql {

namespace {

constexpr std::string_view kBraceHint = "write {{ and }} for literal braces";

// The field as written, for messages; long or multi-line text (usually a forgotten doubling of a
// brace in JSON or a function body) is cut short.
std::string shown(std::string_view field) {
  constexpr std::size_t kMax = 40;
  std::size_t cut = field.find_first_of("\r\n");
  if (cut == std::string_view::npos && field.size() <= kMax) return fmt::format("{{{}}}", field);
  if (cut == std::string_view::npos || cut > kMax) cut = kMax;
  return fmt::format("{{{}...", field.substr(0, cut));
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

class RunScanner {
 public:
  RunScanner(const Script& script, FieldVisitor& visitor)
      : script_(script), text_(script.source.text()), visitor_(visitor) {}

  // Parses source [begin, end) like Python's string.Formatter.parse.
  void scan(std::size_t begin, std::size_t end) {
    std::size_t literal = begin;
    std::size_t i = begin;
    while (true) {
      std::size_t brace = find_brace(i, end);
      if (brace == end) break;
      char c = text_[brace];
      if (brace + 1 < end && text_[brace + 1] == c) {  // {{ or }}: one literal brace
        emit_text(literal, brace + 1);
        literal = i = brace + 2;
        continue;
      }
      if (c == '}') {
        fail(brace, "single '}' without an opening '{': literal braces must be doubled",
             std::string(kBraceHint));
      }
      std::size_t close = matching_close(brace, end);
      std::string_view name = text_.substr(brace + 1, close - brace - 1);
      check_field(name, brace);
      emit_text(literal, brace);
      visitor_.field(name, brace, close + 1);
      literal = i = close + 1;
    }
    emit_text(literal, end);
  }

 private:
  [[nodiscard]] std::size_t find_brace(std::size_t from, std::size_t end) const {
    for (std::size_t i = from; i < end; ++i) {
      if (text_[i] == '{' || text_[i] == '}') return i;
    }
    return end;
  }

  // The '}' closing the field opened at `open` (nested braces count, as in Python).
  [[nodiscard]] std::size_t matching_close(std::size_t open, std::size_t end) const {
    int depth = 1;
    for (std::size_t i = open + 1; i < end; ++i) {
      if (text_[i] == '{') ++depth;
      if (text_[i] == '}' && --depth == 0) return i;
    }
    fail(open, "single '{' without a closing '}': literal braces must be doubled",
         std::string(kBraceHint));
  }

  void check_field(std::string_view name, std::size_t brace) const {
    if (all_digits(name)) {
      fail(brace, "positional placeholder " + shown(name) + " is not supported",
           "name the parameter, e.g. {srid}, and declare it under `parameters:` in .pum.yaml; " +
               std::string(kBraceHint));
    }
    if (name.find_first_of(":!.[]{}") != std::string_view::npos) {
      fail(brace, "unsupported placeholder " + shown(name),
           "only {name} is supported (no format specification, conversion, attribute or index); " +
               std::string(kBraceHint));
    }
  }

  void emit_text(std::size_t from, std::size_t to) {
    if (from < to) visitor_.text(from, to);
  }

  [[noreturn]] void fail(std::size_t at, std::string message, std::string hint) const {
    throw Error(std::move(message), script_.source.location(at)).hint(std::move(hint));
  }

  const Script& script_;
  std::string_view text_;
  FieldVisitor& visitor_;
};

class NameCollector final : public FieldVisitor {
 public:
  void text(std::size_t /*from*/, std::size_t /*to*/) override {}
  void field(std::string_view name, std::size_t /*brace*/, std::size_t /*end*/) override {
    names.emplace(name);
  }
  std::set<std::string> names;
};

}  // namespace

void scan_placeholders(const Script& script, std::size_t first, std::size_t last,
                       FieldVisitor& visitor) {
  RunScanner scanner(script, visitor);
  std::size_t run = first < last ? script.tokens[first].begin : 0;
  bool in_run = false;
  for (std::size_t i = first; i < last; ++i) {
    const Token& token = script.tokens[i];
    if (is_comment(token.kind)) {
      if (in_run) scanner.scan(run, token.begin);
      in_run = false;
      visitor.text(token.begin, token.end);
    } else if (!in_run) {
      in_run = true;
      run = token.begin;
    }
  }
  if (in_run) scanner.scan(run, script.tokens[last - 1].end);
}

std::set<std::string> placeholder_names(const Script& script) {
  NameCollector collector;
  for (const Statement& statement : script.statements) {
    scan_placeholders(script, statement.first_token, statement.last_token, collector);
  }
  return std::move(collector.names);
}

std::set<std::string> placeholder_names_whole(const Script& script) {
  NameCollector collector;
  scan_placeholders(script, 0, script.tokens.size(), collector);
  return std::move(collector.names);
}

void throw_unknown_parameter(const Script& script, std::string_view name, std::size_t brace) {
  throw Error("unknown parameter " + shown(name), script.source.location(brace))
      .hint("declare it under `parameters:` in .pum.yaml, or " + std::string(kBraceHint));
}

}  // namespace pum::sql
