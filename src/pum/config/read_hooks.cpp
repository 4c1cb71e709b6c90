// `application:` / `migration_hooks:` (drop/pre, create/post) and `uninstall:`: lists of hooks,
// each a .sql or .py file (relative to the module directory) or inline SQL `code`.
#include <fmt/format.h>

#include "pum/config/fields.hpp"
#include "pum/config/lenient.hpp"
#include "pum/config/sections.hpp"

namespace pum::config::detail {

namespace {

const KeyTable& application_keys() {
  static const KeyTable table{"in 'application'",
                              {
                                  {.name = "drop", .alias = "pre"},
                                  {.name = "create", .alias = "post"},
                              }};
  return table;
}

const KeyTable& hook_keys() {
  static const KeyTable table{"in a hook", {{.name = "file"}, {.name = "code"}}};
  return table;
}

// A string field of a hook; null and "" count as not set, as in pum.
std::string read_optional_text(const YamlDocument& doc, const Fields& fields,
                               std::string_view name) {
  const Field* field = fields.find_set(name);
  return field == nullptr ? std::string() : read_string(doc, *field);
}

std::filesystem::path resolve_hook_file(const YamlDocument& doc, const Field& field,
                                        const std::string& written,
                                        const std::filesystem::path& base_dir) {
  const std::filesystem::path path(written);
  std::filesystem::path resolved = (path.is_absolute() ? path : base_dir / path).lexically_normal();
  std::error_code ec;
  const auto status = std::filesystem::status(resolved, ec);
  if (!std::filesystem::exists(status)) {
    if (MissingHookFilesAllowed* lenient = MissingHookFilesAllowed::active()) {
      lenient->warn(fmt::format("{}: hook file '{}' not found: {}", doc.location(field.at()).str(),
                                written, resolved.string()));
      return resolved;
    }
    throw doc
        .error(field.at(), fmt::format("hook file '{}' not found: {}", written, resolved.string()))
        .hint(fmt::format("paths in the configuration are relative to the module directory {}",
                          base_dir.string()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw doc
        .error(field.at(),
               fmt::format("hook file '{}' is not a regular file: {}", written, resolved.string()))
        .hint("name a .sql or .py file");
  }
  const std::string suffix = resolved.extension().string();
  if (suffix != ".sql" && suffix != ".py") {
    throw doc
        .error(field.at(), fmt::format("Only .sql and .py files are supported as hooks, not "
                                       "'{}'",
                                       written))
        .hint("put SQL in a .sql file; anything else can be run from a Python (.py) hook");
  }
  return resolved;
}

Hook read_hook(const YamlDocument& doc, const YAML::Node& item, std::string_view list_name,
               const std::filesystem::path& base_dir) {
  const std::string subject = fmt::format("each entry of '{}'", list_name);
  if (!item.IsMap()) {
    throw doc
        .error(item,
               fmt::format("{} must be a mapping, found {}", subject, describe_node(doc, item)))
        .hint("write a hook as '- file: path/to/hook.sql' or '- code: <SQL>'");
  }
  const Fields fields = read_mapping(doc, item, hook_keys(), subject);
  Hook hook;
  hook.mark = doc.mark(item);
  const std::string file = read_optional_text(doc, fields, "file");
  const std::string code = read_optional_text(doc, fields, "code");
  if (file.empty() == code.empty()) {
    throw doc.error(item, "Exactly one of 'file' or 'code' must be set in a hook.")
        .hint(file.empty() ? "add 'file: path/to/hook.sql' or 'code: <SQL>'"
                           : "split it into two hooks, one with 'file' and one with 'code'");
  }
  if (!file.empty()) {
    hook.file_display = file;
    hook.file = resolve_hook_file(doc, *fields.find("file"), file, base_dir);
  } else {
    hook.code = code;
    hook.code_mark = doc.mark(fields.find("code")->value);
  }
  return hook;
}

}  // namespace

std::vector<Hook> read_hooks(const YamlDocument& doc, const Field& field,
                             const std::filesystem::path& base_dir) {
  std::vector<Hook> hooks;
  for (const YAML::Node& item : read_list(doc, field)) {
    hooks.push_back(read_hook(doc, item, field.written, base_dir));
  }
  return hooks;
}

void read_application(const YamlDocument& doc, const Field& field, Config& config) {
  const Fields fields = read_mapping(doc, field, application_keys());
  if (const Field* drop = fields.find("drop")) {
    config.drop_hooks = read_hooks(doc, *drop, config.base_dir);
  }
  if (const Field* create = fields.find("create")) {
    config.create_hooks = read_hooks(doc, *create, config.base_dir);
  }
}

}  // namespace pum::config::detail
