// load_config: the top level of .pum.yaml and its `pum:` section; the other sections are read by
// the read_*.cpp files (see sections.hpp).
#include <fmt/format.h>

#include <optional>

#include "pum/changelog/version.hpp"
#include "pum/config/config.hpp"
#include "pum/config/error_collector.hpp"
#include "pum/config/fields.hpp"
#include "pum/config/key_table.hpp"
#include "pum/config/sections.hpp"
#include "pum/config/yaml_document.hpp"

namespace pum::config {

namespace {

const KeyTable& top_level_keys() {
  static const KeyTable table{
      "at the top level",
      {
          {.name = "pum",
           .required = true,
           .missing_hint = "add a 'pum:' section with at least 'module: <name>' under it"},
          {.name = "changelogs_directory"},
          {.name = "parameters"},
          {.name = "application", .alias = "migration_hooks"},
          {.name = "roles"},
          {.name = "demo_data"},
          {.name = "dependencies"},
          {.name = "uninstall"},
          {.name = "hooks"},
      }};
  return table;
}

const KeyTable& pum_keys() {
  static const KeyTable table{
      "in 'pum'",
      {
          {.name = "module",
           .required = true,
           .missing_hint = "add 'module: <name>' under 'pum'; the name is recorded with every "
                           "migration"},
          {.name = "migration_table_schema"},
          {.name = "minimum_version"},
      }};
  return table;
}

// The `pum` section's minimum_version, checked before anything else: a configuration written for
// a newer pum may use keys we do not know, and "needs pum >= X" is the useful message then.
void check_minimum_version_first(const YamlDocument& doc) {
  const YAML::Node& root = doc.root();
  if (!root.IsMap()) return;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar() || it->first.Scalar() != "pum" || !it->second.IsMap()) continue;
    for (auto jt = it->second.begin(); jt != it->second.end(); ++jt) {
      if (!jt->first.IsScalar() || jt->first.Scalar() != "minimum_version") continue;
      detail::check_minimum_version(
          doc, Field{"minimum_version", "minimum_version", jt->first, jt->second});
    }
  }
}

void reject_base_path(const YamlDocument& doc) {
  const YAML::Node& root = doc.root();
  if (!root.IsMap()) return;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!it->first.IsScalar() || it->first.Scalar() != "base_path") continue;
    throw doc
        .error(it->first,
               "'base_path' is not allowed: the module directory is the directory of the "
               "configuration file")
        .hint(fmt::format("remove 'base_path'; paths in the configuration are relative to the "
                          "directory holding {}",
                          doc.name()));
  }
}

}  // namespace

namespace detail {

void check_minimum_version(const YamlDocument& doc, const Field& field) {
  if (field.is_null()) return;
  const std::string text = read_scalar_text(doc, field);
  auto required = Version::parse(text);
  if (!required) {
    throw doc.error(field.at(), required.error().message())
        .hint("write the lowest pum version this module works with, such as 1.8.0");
  }
  const Version implemented = Version::parse(PUM_COMPAT_VERSION).value();
  if (*required > implemented) {
    throw doc
        .error(field.at(), fmt::format("this configuration needs pum >= {}; this pum "
                                       "implements pum {}",
                                       text, PUM_COMPAT_VERSION))
        .hint(fmt::format("use a pum that implements pum {} or later, or lower "
                          "'pum.minimum_version' if the module does not need it",
                          text));
  }
}

void read_pum_section(const YamlDocument& doc, const Field& field, Config& config) {
  const Fields fields = read_mapping(doc, field, pum_keys());
  config.module = read_nonempty_string(doc, *fields.find("module"));
  if (const Field* schema = fields.find("migration_table_schema")) {
    config.migration_table_schema = read_nonempty_string(doc, *schema);
  }
  if (const Field* minimum = fields.find_set("minimum_version")) {
    check_minimum_version(doc, *minimum);
    config.minimum_version = read_scalar_text(doc, *minimum);
  }
}

}  // namespace detail

namespace {
Config read_document(const YamlDocument& doc, const std::filesystem::path& file,
                     const std::filesystem::path& base_dir, const std::string& display_file);
}  // namespace

Config load_config(const std::filesystem::path& file, const std::string& display_file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw Error("configuration file not found", SourceLocation{display_file})
        .hint("run pum in the module directory, or give the path of its .pum.yaml with -c");
  }
  if (std::filesystem::is_directory(file, ec)) {
    throw Error("this is a directory, not a configuration file", SourceLocation{display_file})
        .hint("give the path of the module's .pum.yaml file");
  }
  const YamlDocument doc = YamlDocument::load(file, display_file);
  return read_document(doc, file, std::filesystem::absolute(file).lexically_normal().parent_path(),
                       display_file);
}

Config load_config_text(std::string text, const std::filesystem::path& base_dir,
                        const std::string& display_name) {
  const YamlDocument doc = YamlDocument::parse(std::move(text), display_name);
  return read_document(doc, base_dir / ".pum.yaml",
                       std::filesystem::absolute(base_dir).lexically_normal(), display_name);
}

namespace {

Config read_document(const YamlDocument& doc, const std::filesystem::path& file,
                     const std::filesystem::path& base_dir, const std::string& display_file) {
  Config config;
  config.file = file;
  config.base_dir = base_dir;
  config.display_file = display_file;
  config.source = doc.source();

  if (!doc.root().IsDefined() || doc.root().IsNull()) {
    throw Error("the configuration file is empty", SourceLocation{display_file})
        .hint(
            "a configuration needs at least a 'pum:' section with an indented "
            "'module: <name>' under it");
  }
  check_minimum_version_first(doc);
  reject_base_path(doc);
  // Every mistake at once: unknown keys anywhere, and each section read even when another failed.
  ErrorCollector collector;
  std::optional<Fields> top;
  collector.attempt(
      [&] { top.emplace(read_mapping(doc, doc.root(), top_level_keys(), "the configuration")); });
  if (!top) collector.throw_if_any();
  collector.attempt([&] { detail::read_pum_section(doc, *top->find("pum"), config); });
  collector.attempt([&] {
    if (const Field* dir = top->find("changelogs_directory")) {
      config.changelogs_directory = read_nonempty_string(doc, *dir);
      config.changelogs_directory_mark = doc.mark(dir->value);
    }
  });
  collector.attempt([&] {
    if (const Field* f = top->find("parameters")) {
      config.parameters = detail::read_parameters(doc, *f);
    }
  });
  collector.attempt([&] {
    if (const Field* f = top->find_set("application")) detail::read_application(doc, *f, config);
  });
  collector.attempt([&] {
    if (const Field* f = top->find("uninstall")) {
      config.uninstall_hooks = detail::read_hooks(doc, *f, config.base_dir);
    }
  });
  collector.attempt([&] {
    if (const Field* f = top->find_set("hooks")) {
      config.lifecycle_hooks = detail::read_lifecycle_hooks(doc, *f, config.base_dir);
    }
  });
  collector.attempt([&] {
    if (const Field* f = top->find("roles")) config.roles = detail::read_roles(doc, *f);
  });
  collector.attempt([&] {
    if (const Field* f = top->find("demo_data")) config.demo_data = detail::read_demo_data(doc, *f);
  });
  collector.attempt([&] {
    if (const Field* f = top->find("dependencies")) {
      config.dependencies = detail::read_dependencies(doc, *f);
    }
  });
  collector.throw_if_any();
  return config;
}

}  // namespace

}  // namespace pum::config
