#pragma once
// A parameter value as pum 1.x knows it: null, boolean, integer, decimal or text.
// Rendered into SQL as a literal (render_literal), stored in pum_migrations.parameters as JSON.
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <variant>

namespace pum {

using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

// Parameter name -> value; ordered for stable output.
using Parameters = std::map<std::string, Value>;

// The SQL literal pum 1.x (psycopg sql.Literal over libpq) produces:
//   null -> NULL; true/false; 42; negative numbers with a leading space (" -5");
//   decimals as Python's repr (2056.0, 1e+20); NaN/inf -> 'NaN'::float8 / 'Infinity'::float8;
//   text -> 'it''s'; text containing a backslash -> " E'a\\b'" (leading space, doubled
//   backslashes).
std::string render_literal(const Value& value);

// A short display form for messages: null, true, 42, 2056.0, 'text'.
std::string display(const Value& value);

nlohmann::json to_json(const Value& value);
Value from_json(const nlohmann::json& json);  // arrays/objects become their JSON text
nlohmann::json to_json(const Parameters& parameters);

// Python equality as pum uses it for the consistency check (2056 == 2056.0, true == 1).
bool python_equal(const Value& a, const Value& b);

}  // namespace pum
