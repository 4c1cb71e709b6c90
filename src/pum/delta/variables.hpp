#pragma once
// pum 0.x's `-v/--var TYPE NAME VALUE` variables and psycopg2's `%(name)s` substitution, which
// pum 0.x applies to a whole SQL delta when (and only when) at least one variable is given.
#include <string>
#include <string_view>
#include <vector>

#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"

namespace pum::delta {

struct Variable {
  std::string name;
  std::string type;     // "string", "float" or "int" (any other type is a string, as in pum 0.x)
  std::string value;    // as given
  std::string literal;  // the SQL psycopg2 writes for it: 'text', 42, 2056.0, ' -1'
  std::string json;     // the Python value, as JSON: "text", 42, 2056.0
};

class Variables {
 public:
  // Adds one -v triple. Throws a usage error (exit 2) for an int or float value Python's int()
  // or float() would refuse. A name given twice keeps the last value (a Python dict).
  void add(const std::string& type, const std::string& name, const std::string& value);

  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] const Variable* find(std::string_view name) const;
  [[nodiscard]] const std::vector<Variable>& items() const { return items_; }
  // {"SRID": 2056, ...}: what Python deltas get as `variables`.
  [[nodiscard]] std::string json() const;

 private:
  std::vector<Variable> items_;
};

// psycopg2's literal of a Python int given as text ("+007" → 7, "-3" → " -3": psycopg2 puts a
// space before a negative number); empty when int() would refuse the text.
std::string int_literal(std::string_view text);
// Python's repr() of float(text) ("2056" → 2056.0, "1e20" → 1e+20, "nan" → 'NaN'::float as
// psycopg2 writes it); empty when float() would refuse the text. `json` receives the JSON form.
std::string float_literal(std::string_view text, std::string* json = nullptr);

// One statement with psycopg2's pyformat rules: `%(name)s` becomes the variable's literal, `%%`
// becomes `%`, anything else after a `%` is an error — located at the `%` (file:line:col) —
// as are unknown names. The statement is taken from its first code token to its end, comments
// and string literals included (psycopg2 does not read SQL).
sql::Rendered render_pyformat(const sql::Script& script, const sql::Statement& statement,
                              const Variables& variables);

}  // namespace pum::delta
