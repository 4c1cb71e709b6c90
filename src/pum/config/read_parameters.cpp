// `parameters:` — each entry declares a placeholder {name} with its type, default and allowed
// values. Defaults and values are coerced to the declared type here, so a default
// that cannot be one is an error at its own line instead of a surprise in SQL.
#include <fmt/format.h>

#include <optional>
#include <utility>
#include <vector>

#include "pum/config/coerce.hpp"
#include "pum/config/fields.hpp"
#include "pum/config/sections.hpp"
#include "pum/config/suggest.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& parameter_keys() {
  static const KeyTable table{
      "in a parameter",
      {
          {.name = "name",
           .required = true,
           .missing_hint = "add 'name: <name>' to this parameter; SQL files refer to it as {name}"},
          {.name = "type"},
          {.name = "default"},
          {.name = "description"},
          {.name = "values"},
          {.name = "app_only"},
      }};
  return table;
}

bool is_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// What other tools call our types, so that `type: float` suggests `decimal`.
std::optional<std::string> type_synonym(std::string_view name) {
  static const std::vector<std::pair<std::string_view, std::string_view>> synonyms = {
      {"int", "integer"},    {"bigint", "integer"},  {"float", "decimal"}, {"double", "decimal"},
      {"number", "decimal"}, {"numeric", "decimal"}, {"real", "decimal"},  {"bool", "boolean"},
      {"str", "text"},       {"string", "text"},     {"varchar", "text"},
  };
  for (const auto& [synonym, type] : synonyms) {
    if (edit_distance(name, synonym) == 0) return std::string(type);
  }
  return std::nullopt;
}

ParamType read_type(const YamlDocument& doc, const Field& field) {
  const std::string name = read_string(doc, field);
  if (auto type = param_type_from_string(name)) return *type;
  Error error = doc.error(field.at(), fmt::format("unknown parameter type '{}'", name));
  auto guess = type_synonym(name);
  if (!guess) guess = suggest(name, param_type_names());
  if (guess) error.hint("did you mean '" + *guess + "'?");
  error.hint("valid types: " + join(param_type_names()));
  throw error;
}

std::string fix_hint(ParamType type) {
  switch (type) {
    case ParamType::integer:
      return "write a whole number such as 2056, or change the parameter's 'type'";
    case ParamType::decimal:
      return "write a number such as 1.5, or change the parameter's 'type'";
    case ParamType::boolean:
      return "write true or false, or change the parameter's 'type'";
    case ParamType::text:
    case ParamType::path:
      break;
  }
  return "write a single value";
}

// A scalar of the YAML coerced to the parameter's type. Text and path parameters take numbers
// and booleans as written (`default: 1.50` is "1.50", not "1.5").
// `what` names the node in messages: "default" or "value".
Value coerce_node(const YamlDocument& doc, const YAML::Node& node, const YAML::Node& at,
                  const ParameterDef& def, std::string_view what) {
  if (!node.IsDefined() || node.IsNull()) return Value{};
  if (!node.IsScalar()) {
    throw doc
        .error(at, fmt::format("{} of parameter '{}' must be a single value, found {}", what,
                               def.name, describe_node(doc, node)))
        .hint("write one value; the allowed choices go under 'values'");
  }
  const TypedScalar typed = typed_scalar(doc, node);
  if (def.type == ParamType::text || def.type == ParamType::path) {
    if (typed.type == ScalarType::null) return Value{};
    return Value{node.Scalar()};
  }
  if (auto value = coerce_to_type(def.type, typed.value)) return *value;
  throw doc
      .error(at, fmt::format("{} '{}' of parameter '{}' is not {}", what, node.Scalar(), def.name,
                             type_phrase(def.type)))
      .hint(fix_hint(def.type));
}

std::optional<std::vector<Value>> read_values(const YamlDocument& doc, const Field& field,
                                              const ParameterDef& def) {
  std::vector<Value> values;
  for (const YAML::Node& item : read_list(doc, field)) {
    values.push_back(coerce_node(doc, item, item, def, "value"));
  }
  // An empty list restricts nothing, as in pum (`if values:`).
  if (values.empty()) return std::nullopt;
  return values;
}

ParameterDef read_parameter(const YamlDocument& doc, const YAML::Node& item,
                            const std::vector<ParameterDef>& earlier) {
  const Fields fields = read_mapping(doc, item, parameter_keys(), "each entry of 'parameters'");
  ParameterDef def;
  def.mark = doc.mark(item);
  const Field& name = *fields.find("name");
  def.name = read_string(doc, name);
  if (!is_identifier(def.name)) {
    throw doc
        .error(name.at(), fmt::format("parameter name '{}' is not a valid identifier", def.name))
        .hint(
            "use letters, digits and underscores, not starting with a digit: the name is "
            "written {name} in SQL and is an argument name in Python hooks");
  }
  for (const auto& seen : earlier) {
    if (seen.name != def.name) continue;
    throw doc
        .error(name.at(), fmt::format("duplicate parameter '{}' (first declared at line {})",
                                      def.name, seen.mark.line))
        .hint("rename or remove one of them");
  }
  if (const Field* type = fields.find("type")) def.type = read_type(doc, *type);
  if (const Field* description = fields.find("description")) {
    def.description = read_optional_string(doc, *description);
  }
  if (const Field* app_only = fields.find("app_only")) def.app_only = read_bool(doc, *app_only);
  if (const Field* values = fields.find("values")) def.values = read_values(doc, *values, def);

  const Field* given = fields.find_set("default");
  if (given == nullptr) {
    // pum 1.8 turns a missing boolean default into false.
    if (def.type == ParamType::boolean) def.default_value = Value{false};
    return def;
  }
  def.default_value = coerce_node(doc, given->value, given->at(), def, "default");
  if (!is_allowed_value(def, def.default_value)) {
    throw doc
        .error(given->at(),
               fmt::format("default value {} of parameter '{}' is not in its allowed "
                           "values: {}",
                           display(def.default_value), def.name, format_values(*def.values)))
        .hint("set 'default' to one of the allowed values, or add it to 'values'");
  }
  return def;
}

}  // namespace

std::vector<ParameterDef> read_parameters(const YamlDocument& doc, const Field& field) {
  std::vector<ParameterDef> parameters;
  for (const YAML::Node& item : read_list(doc, field)) {
    parameters.push_back(read_parameter(doc, item, parameters));
  }
  return parameters;
}

}  // namespace pum::config::detail
