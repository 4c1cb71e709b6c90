#pragma once
// The readers of the sections of .pum.yaml, one file each, called by load_config. Each one
// checks its keys against its key table and throws pum::Error at the offending node.
#include <filesystem>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/config/key_table.hpp"
#include "pum/config/yaml_document.hpp"

namespace pum::config::detail {

// `pum:` (module, migration_table_schema, minimum_version).
void read_pum_section(const YamlDocument& doc, const Field& field, Config& config);
// Throws when `pum.minimum_version` is not a version or is above PUM_COMPAT_VERSION.
void check_minimum_version(const YamlDocument& doc, const Field& field);

std::vector<ParameterDef> read_parameters(const YamlDocument& doc, const Field& field);

// `application:` (alias `migration_hooks:`): drop (alias pre) and create (alias post) hooks.
void read_application(const YamlDocument& doc, const Field& field, Config& config);
// A list of hooks (`drop:`, `create:`, `uninstall:`); files resolved against base_dir.
std::vector<Hook> read_hooks(const YamlDocument& doc, const Field& field,
                             const std::filesystem::path& base_dir);

// `hooks:`: event name -> list of lifecycle hooks (module/function, file, code, command).
std::vector<LifecycleHook> read_lifecycle_hooks(const YamlDocument& doc, const Field& field,
                                                const std::filesystem::path& base_dir);

std::vector<Role> read_roles(const YamlDocument& doc, const Field& field);
std::vector<DemoData> read_demo_data(const YamlDocument& doc, const Field& field);
std::vector<Dependency> read_dependencies(const YamlDocument& doc, const Field& field);

}  // namespace pum::config::detail
