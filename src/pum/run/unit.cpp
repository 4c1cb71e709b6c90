#include "pum/run/unit.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pum/db/batch.hpp"
#include "pum/sql/do_block.hpp"
#include "pum/sql/forbidden.hpp"
#include "pum/sql/placeholders.hpp"
#include "pum/util/source_text.hpp"

namespace pum::run {

Unit prepare_file(const std::filesystem::path& path, const std::string& display,
                  const Parameters& params) {
  SourceText text = SourceText::read(path, display);
  check_text_encoding(text);
  Unit unit{display, sql::parse_script(std::move(text)), {}};
  sql::check_forbidden(unit.script);
  for (const auto& statement : unit.script.statements) {
    if (!statement.has_code) continue;
    unit.statements.push_back(sql::render(unit.script, statement, params));
    std::size_t first =
        sql::next_code_token(unit.script, statement.first_token, statement.last_token);
    unit.code_starts.push_back(unit.script.tokens[first].begin);
  }
  return unit;
}

Unit prepare_code(const std::string& code, const std::string& display, const Parameters& params) {
  Unit unit{"SQL code", sql::parse_script(SourceText(display, code)), {}};
  sql::check_forbidden(unit.script);
  bool has_code = false;
  for (const auto& statement : unit.script.statements) has_code = has_code || statement.has_code;
  if (has_code) {
    unit.statements.push_back(sql::render_whole(unit.script, params));
    std::size_t first = sql::next_code_token(unit.script, 0, unit.script.tokens.size());
    unit.code_starts.push_back(unit.script.tokens[first].begin);
  }
  return unit;
}

namespace {
class FirstField : public sql::FieldVisitor {
 public:
  explicit FirstField(const std::vector<std::string>& names) : names_(names) {}
  void text(std::size_t /*from*/, std::size_t /*to*/) override {}
  void field(std::string_view name, std::size_t brace, std::size_t /*end*/) override {
    if (found_) return;
    for (const auto& n : names_) {
      if (n == name) {
        found_ = true;
        name_ = n;
        brace_ = brace;
      }
    }
  }
  bool found_ = false;
  std::string name_;
  std::size_t brace_ = 0;

 private:
  const std::vector<std::string>& names_;
};
}  // namespace

void reject_placeholders(const Unit& unit, const std::vector<std::string>& names,
                         const std::string& message, const std::string& hint) {
  if (names.empty()) return;
  FirstField visitor(names);
  sql::scan_placeholders(unit.script, 0, unit.script.tokens.size(), visitor);
  if (!visitor.found_) return;
  throw Error(fmt::format(fmt::runtime(message), visitor.name_),
              unit.script.source.location(visitor.brace_))
      .hint(hint);
}

namespace {
// Throws the failure of statement `index` of `unit`, located in its file (or in .pum.yaml).
[[noreturn]] void throw_located(const Unit& unit, std::size_t index,
                                const db::BatchFailure& failure) {
  const sql::Rendered& rendered = unit.statements[index];
  Error error = failure.error.to_error();
  std::optional<std::size_t> offset = failure.offset;
  // No position from the server: a run-time error inside a DO block names its line in CONTEXT.
  if (!offset) {
    offset =
        sql::do_block_error_offset(rendered.sql, failure.error.context,
                                   failure.error.internal_query, failure.error.internal_position);
  }
  SourceLocation where = offset ? sql::source_location(unit.script, rendered, *offset)
                                // Nothing to go by: point at the statement's first code.
                                : unit.script.source.location(unit.code_starts[index]);
  error.at(unit.origin ? unit.origin->map(where) : where);
  throw error;
}
}  // namespace

void execute(db::Connection& conn, const Unit& unit) {
  if (unit.python) {
    hooks::run_python_hook(*unit.python, conn, unit.params);
    return;
  }
  if (unit.statements.empty()) return;
  execute_batch(conn, {&unit});
}

void execute_batch(db::Connection& conn, const std::vector<const Unit*>& units,
                   const Prefix* prefix) {
  std::vector<std::string_view> texts;
  // firsts[k]: index in `texts` of the first statement of units[k].
  std::vector<std::size_t> firsts;
  firsts.reserve(units.size());
  if (prefix != nullptr) texts.emplace_back(prefix->sql);
  for (const Unit* unit : units) {
    firsts.push_back(texts.size());
    for (const auto& r : unit->statements) texts.emplace_back(r.sql);
  }
  auto failure = db::run_batch(conn, texts);
  if (!failure) return;
  if (prefix != nullptr && failure->statement == 0) {
    throw failure->error.to_error().prefix(prefix->what + ": ");
  }
  // The last unit whose first statement is at or before the failing one.
  const auto it = std::upper_bound(firsts.begin(), firsts.end(), failure->statement);
  const auto k = static_cast<std::size_t>(it - firsts.begin()) - 1;
  throw_located(*units[k], failure->statement - firsts[k], *failure);
}

bool ends_with_semicolon(const Unit& unit) {
  const sql::Script& script = unit.script;
  for (auto s = script.statements.rbegin(); s != script.statements.rend(); ++s) {
    if (!s->has_code) continue;
    for (std::size_t t = s->last_token; t < script.tokens.size(); ++t) {
      if (script.tokens[t].kind == sql::TokenKind::semicolon) return true;
      if (sql::is_code(script.tokens[t].kind)) return false;
    }
    return false;
  }
  return false;
}

}  // namespace pum::run
