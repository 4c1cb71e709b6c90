#include "pum/run/unit.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pum/db/batch.hpp"
#include "pum/sql/do_block.hpp"
#include "pum/sql/forbidden.hpp"
#include "pum/sql/placeholders.hpp"
#include "pum/sql/psql_only.hpp"
#include "pum/util/source_text.hpp"

namespace pum::run {

FileRules pum1x_rules(const Parameters& params) {
  FileRules rules;
  rules.render = [params](const sql::Script& script, const sql::Statement& statement) {
    return sql::render(script, statement, params);
  };
  return rules;
}

Unit prepare_file(const std::filesystem::path& path, const std::string& display,
                  const Parameters& params) {
  return prepare_file(path, display, pum1x_rules(params));
}

namespace {
// The statements with code, without a leading BEGIN / START TRANSACTION and a trailing COMMIT /
// END when the file has both (a file written to be run alone by psql or pgdbm).
std::vector<const sql::Statement*> without_outer_transaction(const sql::Script& script) {
  std::vector<const sql::Statement*> code;
  for (const auto& statement : script.statements) {
    if (statement.has_code) code.push_back(&statement);
  }
  if (code.size() < 2) return code;
  const std::string first = sql::leading_keywords(script, *code.front(), 2);
  const std::string last = sql::leading_keywords(script, *code.back(), 1);
  const bool opens = first == "BEGIN" || first.starts_with("BEGIN TRANSACTION") ||
                     first.starts_with("BEGIN WORK") || first.starts_with("START TRANSACTION");
  const bool closes = last == "COMMIT" || last == "END";
  if (opens && closes) {
    code.erase(code.begin());
    code.pop_back();
  }
  return code;
}

sql::Rendered as_written(const sql::Script& script, const sql::Statement& statement) {
  sql::Rendered rendered;
  std::size_t first = sql::next_code_token(script, statement.first_token, statement.last_token);
  std::size_t begin = first < script.tokens.size() ? script.tokens[first].begin : statement.begin;
  begin = std::max(begin, statement.begin);
  rendered.sql = std::string(script.source.text().substr(begin, statement.end - begin));
  rendered.map.add_copy(0, begin);
  rendered.map.finish(rendered.sql.size(), statement.end);
  return rendered;
}
}  // namespace

Unit prepare_file(const std::filesystem::path& path, const std::string& display,
                  const FileRules& rules) {
  SourceText text = SourceText::read(path, display);
  check_text_encoding(text);
  const std::size_t digest = std::hash<std::string>{}(text.text());
  Unit unit{display, sql::parse_script(std::move(text)), {}};
  unit.path = path;
  unit.digest = digest;
  sql::check_psql_only(unit.script);
  std::vector<const sql::Statement*> code;
  if (rules.skip_outer_transaction) {
    code = without_outer_transaction(unit.script);
  } else {
    for (const auto& statement : unit.script.statements) {
      if (statement.has_code) code.push_back(&statement);
    }
  }
  if (rules.reject_transaction_control) {
    for (const sql::Statement* statement : code) {
      if (auto what = sql::forbidden_statement(unit.script, *statement)) {
        sql::Script one = unit.script;
        one.statements = {*statement};
        sql::check_forbidden(one);
      }
    }
  }
  for (const sql::Statement* statement_ptr : code) {
    const sql::Statement& statement = *statement_ptr;
    unit.statements.push_back(rules.render ? rules.render(unit.script, statement)
                                           : as_written(unit.script, statement));
    std::size_t first =
        sql::next_code_token(unit.script, statement.first_token, statement.last_token);
    unit.code_starts.push_back(unit.script.tokens[first].begin);
  }
  summarize(unit);
  return unit;
}

void release(Unit& unit) {
  if (unit.path.empty() || unit.python) return;  // inline code and Python hooks stay as they are
  unit.script = sql::Script{SourceText(unit.label, ""), {}, {}};
  unit.statements = {};
  unit.code_starts = {};
  unit.released = true;
}

Unit reload(const Unit& unit, const FileRules& rules) {
  Unit again = prepare_file(unit.path, unit.label, rules);
  if (again.digest != unit.digest) {
    throw Error(fmt::format("{} was changed while pum was running", unit.label),
                SourceLocation{unit.label})
        .hint("run the command again: every file is checked before the first statement is sent");
  }
  compact(again);
  return again;
}

void compact(Unit& unit) {
  unit.script.tokens = {};
  unit.script.statements = {};
}

Unit prepare_code(const std::string& code, const std::string& display, const Parameters& params) {
  Unit unit{"SQL code", sql::parse_script(SourceText(display, code)), {}};
  sql::check_psql_only(unit.script);
  sql::check_forbidden(unit.script);
  bool has_code = false;
  for (const auto& statement : unit.script.statements) has_code = has_code || statement.has_code;
  if (has_code) {
    unit.statements.push_back(sql::render_whole(unit.script, params));
    std::size_t first = sql::next_code_token(unit.script, 0, unit.script.tokens.size());
    unit.code_starts.push_back(unit.script.tokens[first].begin);
  }
  summarize(unit);
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
  // A substituted value maps back to its placeholder's '{' (a '{' of the file itself is copied
  // as it is).
  const std::string& source_text = unit.script.source.text();
  const std::size_t at_source = failure.offset ? rendered.map.to_source(*failure.offset) : 0;
  if (failure.error.sqlstate == "42601" && failure.offset &&
      *failure.offset < rendered.sql.size() && rendered.sql[*failure.offset] != '{' &&
      at_source < source_text.size() && source_text[at_source] == '{') {
    error.hint(
        "the error is at a parameter's value: pum renders parameter values as SQL literals "
        "('text', 42), never as identifiers, so a placeholder cannot stand for a table, column "
        "or schema name");
  }
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
                   const Prefix* prefix, const std::function<void(std::size_t)>& on_start) {
  std::vector<std::string_view> texts;
  // firsts[k]: index in `texts` of the first statement of units[k].
  std::vector<std::size_t> firsts;
  firsts.reserve(units.size());
  std::size_t prefix_count = 0;
  if (prefix != nullptr) {
    texts.emplace_back(prefix->sql);
    for (const auto& more : prefix->then) texts.emplace_back(more);
    prefix_count = texts.size();
  }
  for (const Unit* unit : units) {
    firsts.push_back(texts.size());
    for (const auto& r : unit->statements) texts.emplace_back(r.sql);
  }
  // Which unit starts after statement i: the next unit with statements.
  std::function<void(std::size_t)> on_done;
  std::size_t next_unit = 0;
  auto skip_empty = [&] {
    while (next_unit < units.size() && units[next_unit]->statements.empty()) ++next_unit;
  };
  if (on_start) {
    skip_empty();
    if (next_unit < units.size()) on_start(next_unit++);
    on_done = [&](std::size_t i) {
      skip_empty();
      if (next_unit < units.size() && i + 1 == firsts[next_unit]) on_start(next_unit++);
    };
  }
  auto failure = db::run_batch(conn, texts, on_done);
  if (!failure) return;
  if (prefix != nullptr && failure->statement < prefix_count) {
    throw failure->error.to_error().prefix(prefix->what + ": ");
  }
  // The last unit whose first statement is at or before the failing one.
  const auto it = std::upper_bound(firsts.begin(), firsts.end(), failure->statement);
  const auto k = static_cast<std::size_t>(it - firsts.begin()) - 1;
  throw_located(*units[k], failure->statement - firsts[k], *failure);
}

void execute_each(db::Connection& conn, const Unit& unit) {
  for (std::size_t i = 0; i < unit.statements.size(); ++i) {
    auto failure = db::run_batch(conn, {unit.statements[i].sql});
    if (failure) {
      failure->statement = i;
      throw_located(unit, i, *failure);
    }
  }
}

bool ends_with_semicolon(const Unit& unit) { return unit.terminated; }

namespace {
bool last_statement_terminated(const sql::Script& script) {
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
}  // namespace

void summarize(Unit& unit) {
  unit.has_statements = !unit.statements.empty();
  unit.terminated = last_statement_terminated(unit.script);
  unit.sql_bytes = 0;
  for (const auto& statement : unit.statements) unit.sql_bytes += statement.sql.size();
}

}  // namespace pum::run
