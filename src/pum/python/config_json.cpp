#include "pum/python/config_json.hpp"

#include "pum/params/value.hpp"

namespace pum::python {

namespace {

nlohmann::json hooks_json(const std::vector<config::Hook>& hooks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& hook : hooks) {
    nlohmann::json entry = nlohmann::json::object();
    if (hook.file) {
      entry["file"] = hook.file->string();
      entry["file_display"] = hook.file_display;
    }
    if (hook.code) entry["code"] = *hook.code;
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

nlohmann::json config_json(const config::Config& config) {
  nlohmann::json out;
  out["module"] = config.module;
  out["migration_table_schema"] = config.migration_table_schema;
  out["changelogs_directory"] = config.changelogs_directory;
  out["base_dir"] = config.base_dir.string();
  out["minimum_version"] =
      config.minimum_version ? nlohmann::json(*config.minimum_version) : nlohmann::json();
  nlohmann::json parameters = nlohmann::json::array();
  for (const auto& def : config.parameters) {
    nlohmann::json p;
    p["name"] = def.name;
    p["type"] = config::to_string(def.type);
    p["default"] = to_json(def.default_value);
    p["description"] = def.description ? nlohmann::json(*def.description) : nlohmann::json();
    if (def.values) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& value : *def.values) values.push_back(to_json(value));
      p["values"] = values;
    } else {
      p["values"] = nullptr;
    }
    p["app_only"] = def.app_only;
    parameters.push_back(std::move(p));
  }
  out["parameters"] = parameters;
  out["drop_hooks"] = hooks_json(config.drop_hooks);
  out["create_hooks"] = hooks_json(config.create_hooks);
  out["uninstall_hooks"] = hooks_json(config.uninstall_hooks);
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& role : config.roles) {
    nlohmann::json r;
    r["name"] = role.name;
    r["description"] = role.description ? nlohmann::json(*role.description) : nlohmann::json();
    r["inherit"] = role.inherit ? nlohmann::json(*role.inherit) : nlohmann::json();
    nlohmann::json permissions = nlohmann::json::array();
    for (const auto& permission : role.permissions) {
      permissions.push_back(
          {{"type", config::to_string(permission.type)}, {"schemas", permission.schemas}});
    }
    r["permissions"] = permissions;
    roles.push_back(std::move(r));
  }
  out["roles"] = roles;
  nlohmann::json demo = nlohmann::json::array();
  for (const auto& set : config.demo_data)
    demo.push_back({{"name", set.name}, {"files", set.files}});
  out["demo_data"] = demo;
  nlohmann::json dependencies = nlohmann::json::array();
  for (const auto& dependency : config.dependencies) {
    dependencies.push_back({{"name", dependency.name},
                            {"minimum_version", dependency.minimum_version
                                                    ? nlohmann::json(*dependency.minimum_version)
                                                    : nlohmann::json()},
                            {"maximum_version", dependency.maximum_version
                                                    ? nlohmann::json(*dependency.maximum_version)
                                                    : nlohmann::json()}});
  }
  out["dependencies"] = dependencies;
  return out;
}

}  // namespace pum::python
