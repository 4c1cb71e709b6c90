#pragma once
// A unit of SQL ready to run: a changelog file, an SQL hook file or an inline `code:` hook, read,
// checked and rendered with the run's parameters BEFORE anything is sent, so that every
// file-level error (forbidden statement, unknown placeholder, unterminated quote) stops the
// command while the database is still untouched.
#include <filesystem>
#include <string>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/hooks/python_hook.hpp"
#include "pum/params/value.hpp"
#include "pum/run/code_origin.hpp"
#include "pum/run/file_rules.hpp"
#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"

namespace pum::run {

struct Unit {
  std::string label;  // how logs name it: the file's display path, or "SQL code"
  sql::Script script;
  // One per statement with code; a single one holding the whole text for inline code.
  std::vector<sql::Rendered> statements;
  // Source offset of the first code token of each rendered statement (where an error without a
  // server position is reported).
  std::vector<std::size_t> code_starts;
  // A Python hook instead of SQL: run with `params` (the run's full parameter set).
  std::shared_ptr<hooks::PythonHook> python;
  Parameters params;
  // For inline code: where it sits in .pum.yaml (errors are reported there).
  std::optional<CodeOrigin> origin;

  // What the engine plans batches with; set when the unit is prepared and kept by release().
  std::filesystem::path path;   // the file it was read from (empty for inline code)
  bool has_statements = false;  // anything to send (a file of comments only has nothing)
  bool terminated = false;      // its last statement ends with ';' (see ends_with_semicolon)
  std::size_t sql_bytes = 0;    // the size of its rendered statements
  std::size_t digest = 0;       // a hash of the file's bytes (reload() checks it)
  bool released = false;        // only the fields above are left: reload() before running it
};

// A .sql file: split into statements, transaction control rejected, `{name}` placeholders
// rendered as literals (pum 1.x rules).
Unit prepare_file(const std::filesystem::path& path, const std::string& display,
                  const Parameters& params);

// The same under a layout's rules (its renderer, its stance on transaction control).
Unit prepare_file(const std::filesystem::path& path, const std::string& display,
                  const FileRules& rules);

// pum 1.x rules: reject transaction control, render `{name}` placeholders with `params`.
FileRules pum1x_rules(const Parameters& params);

// Fills the planning fields of a unit from its script and statements (prepare_file and
// prepare_code call it; so does code that builds a Unit by hand).
void summarize(Unit& unit);

// Frees what a prepared file holds (its text, tokens, statements), keeping only what the engine
// plans batches with. A run prepares (checks) every pending file before anything is sent, then
// releases it and prepares it again when its turn comes: memory stays bounded by the largest
// file, not by the size of a version or of the project (docs/operations.md#7-memory).
void release(Unit& unit);

// Prepares a released unit again under the same rules, and frees its tokens and statement list
// at once (compact). Throws pum::Error when the file's bytes changed since it was first prepared.
Unit reload(const Unit& unit, const FileRules& rules);

// Frees the unit's tokens and statement list: running it and reporting an error at file:line:col
// need only its text and its rendered statements.
void compact(Unit& unit);

// Inline SQL (`code:` hooks): sent as one text, as pum does; transaction control is rejected
// too, since it would break the command's single transaction.
Unit prepare_code(const std::string& code, const std::string& display, const Parameters& params);

// Throws pum::Error located at the first placeholder of the script that names one of `names`.
void reject_placeholders(const Unit& unit, const std::vector<std::string>& names,
                         const std::string& message, const std::string& hint);

// Runs the unit: a Python hook, or its statements in one round trip. A server error is thrown as
// pum::Error located at the file, line and column of the failing statement (from the server's
// position when it gives one), with SQLSTATE, DETAIL, HINT and CONTEXT.
void execute(db::Connection& conn, const Unit& unit);

// One statement sent ahead of units' own in the same round trip (the previous version's
// pum_migrations row); `what` names it in an error, which has no file location.
struct Prefix {
  std::string sql;
  std::string what;  // e.g. "cannot record version 1.2.0 in public.pum_migrations"
  // Sent right after `sql`, each a statement of its own (a migration's COMMIT and the next
  // BEGIN); a failure of one of them is reported with `what` too.
  std::vector<std::string> then;
};

// Runs SQL units in one round trip: `prefix`, then every statement of every unit in order. A
// failure is located in its unit, as execute() does. No unit may be a Python hook.
// `on_start(k)` is called when units[k] starts: before sending for the first unit with
// statements, then as the last result of the unit before it comes back.
void execute_batch(db::Connection& conn, const std::vector<const Unit*>& units,
                   const Prefix* prefix = nullptr,
                   const std::function<void(std::size_t)>& on_start = {});

// Runs the unit's statements one message each, outside any transaction (files that cannot run
// in a transaction block); a failure is located as execute() does.
void execute_each(db::Connection& conn, const Unit& unit);

// Whether the unit's last statement ends with ';' in its file (Unit::terminated, computed when
// it was prepared). Only then may other statements follow it in one message: an unfinished last
// statement ("... WHERE") must end the message for the server to report it "at end of input", as
// it would for the file alone.
[[nodiscard]] bool ends_with_semicolon(const Unit& unit);

}  // namespace pum::run
