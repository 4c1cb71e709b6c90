#pragma once
// A parameter declared under `parameters:` in .pum.yaml: its name, declared type, default and the
// values it may take. Values given later (-p NAME VALUE, or stored in pum_migrations) are coerced
// to the declared type by coerce.hpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/mark.hpp"
#include "pum/params/value.hpp"

namespace pum::config {

enum class ParamType { boolean, integer, text, decimal, path };

// The name written in .pum.yaml: "boolean", "integer", "text", "decimal", "path".
std::string to_string(ParamType type);
// The type of a name as written in .pum.yaml (exact spelling); nullopt when there is none.
std::optional<ParamType> param_type_from_string(std::string_view name);
// All type names in declaration order, for messages and did-you-mean.
const std::vector<std::string>& param_type_names();

struct ParameterDef {
  std::string name;
  ParamType type = ParamType::text;
  // Already coerced to `type`; null when the config gives none, except for booleans,
  // which default to false as in pum 1.8.
  Value default_value;
  std::optional<std::string> description;
  // The allowed values, coerced to `type`; nullopt when any value is allowed.
  std::optional<std::vector<Value>> values;
  bool app_only = false;
  Mark mark;
};

}  // namespace pum::config
