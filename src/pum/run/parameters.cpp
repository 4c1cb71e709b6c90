#include "pum/run/parameters.hpp"

#include <fmt/format.h>

#include "pum/config/coerce.hpp"
#include "pum/util/error.hpp"

namespace pum::run {

namespace {

std::string declared_names(const config::Config& config) {
  std::string names;
  for (const auto& def : config.parameters) {
    if (!names.empty()) names += ", ";
    names += def.name;
  }
  return names.empty() ? "none" : names;
}

// The stored value coerced to the declared type; the raw value when it does not fit (a
// parameter whose type changed between releases), so that the comparison then fails loudly.
Value stored_value(const config::ParameterDef& def, const nlohmann::json& json) {
  Value raw = from_json(json);
  if (auto coerced = config::coerce_value(def, raw)) return *coerced;
  return raw;
}

}  // namespace

ResolvedParameters resolve_parameters(const config::Config& config, const ParameterArgs& cli,
                                      const nlohmann::json* stored) {
  ResolvedParameters resolved;
  for (const auto& [name, text] : cli) {
    const config::ParameterDef* def = config.find_parameter(name);
    if (def == nullptr) {
      throw Error(fmt::format("Unknown parameter: {}", name))
          .hint(fmt::format("parameters declared in {}: {}", config.display_file,
                            declared_names(config)));
    }
    resolved.values[name] = config::coerce_cli_value(*def, text);
    resolved.from_cli.insert(name);
  }
  for (const auto& def : config.parameters) {
    if (resolved.from_cli.count(def.name) != 0) continue;
    if (!def.app_only && stored != nullptr && stored->is_object() && stored->contains(def.name)) {
      resolved.values[def.name] = stored_value(def, stored->at(def.name));
    } else {
      resolved.values[def.name] = def.default_value;
    }
  }
  return resolved;
}

void check_consistency(const config::Config& config, const ResolvedParameters& resolved,
                       const nlohmann::json* stored) {
  if (stored == nullptr || !stored->is_object()) return;
  for (const auto& def : config.parameters) {
    if (def.app_only || resolved.from_cli.count(def.name) == 0 || !stored->contains(def.name))
      continue;
    Value previous = stored_value(def, stored->at(def.name));
    const Value& given = resolved.values.at(def.name);
    if (!python_equal(given, previous)) {
      throw Error(
          fmt::format("Parameter '{}' has value {} but was previously set to {}; parameters "
                      "that are not app_only must remain consistent between install, "
                      "upgrade and app commands",
                      def.name, display(given), display(previous)))
          .hint(fmt::format("pass -p {} with the installed value, or leave it out to use it",
                            def.name));
    }
  }
}

Parameters changelog_parameters(const config::Config& config, const Parameters& all) {
  Parameters out;
  for (const auto& def : config.parameters) {
    if (!def.app_only) out[def.name] = all.at(def.name);
  }
  return out;
}

}  // namespace pum::run
