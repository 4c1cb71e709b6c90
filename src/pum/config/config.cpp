#include "pum/config/config.hpp"

#include "pum/config/yaml_document.hpp"

namespace pum::config {

std::string to_string(ParamType type) {
  switch (type) {
    case ParamType::boolean:
      return "boolean";
    case ParamType::integer:
      return "integer";
    case ParamType::text:
      return "text";
    case ParamType::decimal:
      return "decimal";
    case ParamType::path:
      return "path";
  }
  return "text";
}

const std::vector<std::string>& param_type_names() {
  static const std::vector<std::string> names = {"boolean", "integer", "text", "decimal", "path"};
  return names;
}

std::optional<ParamType> param_type_from_string(std::string_view name) {
  for (ParamType type : {ParamType::boolean, ParamType::integer, ParamType::text,
                         ParamType::decimal, ParamType::path}) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

std::string to_string(PermissionType type) {
  return type == PermissionType::read ? "read" : "write";
}

const ParameterDef* Config::find_parameter(std::string_view name) const {
  for (const auto& parameter : parameters) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

SourceLocation Config::location(Mark mark) const {
  return location_in(source.get(), display_file, mark);
}

}  // namespace pum::config
