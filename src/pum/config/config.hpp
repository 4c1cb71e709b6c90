#pragma once
// The typed content of a module's .pum.yaml (pum 1.8 keys), and load_config,
// which reads and validates it. Every problem found while loading is a pum::Error located at
// file:line:col with a hint; later stages locate their own errors with Config::location(mark).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/coerce.hpp"
#include "pum/config/lifecycle_events.hpp"
#include "pum/config/mark.hpp"
#include "pum/config/parameter_def.hpp"
#include "pum/params/value.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_location.hpp"
#include "pum/util/source_text.hpp"

namespace pum::config {

// An entry of application.drop / application.create / uninstall: a .sql or .py file, or inline
// SQL code. Exactly one of file and code is set.
struct Hook {
  std::optional<std::filesystem::path> file;  // absolute, resolved against the module directory
  std::string file_display;                   // as written in the YAML
  std::optional<std::string> code;
  Mark mark;       // the hook's entry
  Mark code_mark;  // the `code:` value, to locate errors inside inline SQL
};

// An entry of the `hooks:` section: a lifecycle hook of one event (see lifecycle_events.hpp).
struct LifecycleHook {
  Event event = Event::pre_validate;
  enum class Kind { python, sql_file, sql_code, command } kind = Kind::sql_code;
  std::string module, function;               // python: `module: scripts.hooks`, `function: f`
  std::optional<std::filesystem::path> file;  // sql_file: absolute
  std::string file_display;                   // as written
  std::string code;                           // sql_code
  std::vector<std::string> command;           // command: the argument vector (no shell)
  Mark mark;                                  // the entry
  Mark code_mark;                             // the `code:` value
};

enum class PermissionType { read, write };

struct Permission {
  PermissionType type = PermissionType::read;
  std::vector<std::string> schemas;  // never empty
};

struct Role {
  std::string name;
  std::vector<Permission> permissions;
  std::optional<std::string> inherit;  // a role listed before this one
  std::optional<std::string> description;
  Mark mark;
};

// A named set of demo data files (`file:` becomes a one-element list), as written.
struct DemoData {
  std::string name;
  std::vector<std::string> files;
  Mark mark;
};

// A Python distribution needed by Python hooks; bounds inclusive, as written (valid PEP 440).
struct Dependency {
  std::string name;
  std::optional<std::string> minimum_version, maximum_version;
  Mark mark;
};

struct Config {
  std::filesystem::path file;      // the .pum.yaml path as given
  std::filesystem::path base_dir;  // absolute directory of the config file = module directory
  std::string display_file;        // how messages name the file (as given on the command line)
  std::string module;
  std::string migration_table_schema = "public";
  std::optional<std::string> minimum_version;  // as written; not above PUM_COMPAT_VERSION
  std::string changelogs_directory = "changelogs";
  Mark changelogs_directory_mark;
  std::vector<ParameterDef> parameters;
  std::vector<Hook> drop_hooks, create_hooks, uninstall_hooks;
  std::vector<Role> roles;
  std::vector<DemoData> demo_data;
  std::vector<Dependency> dependencies;
  std::vector<LifecycleHook> lifecycle_hooks;  // `hooks:`, in file order
  // The file's text, so that location() can show the offending line; null for a Config built
  // by hand.
  std::shared_ptr<const SourceText> source;

  // The declared parameter of that name (exact spelling), or nullptr.
  [[nodiscard]] const ParameterDef* find_parameter(std::string_view name) const;
  // display_file:line:col with the line's text, for messages about what a mark points at.
  [[nodiscard]] SourceLocation location(Mark mark) const;
};

std::string to_string(PermissionType type);

// Reads and validates the file. Throws pum::Error located at file:line:col for every problem:
// YAML syntax, unknown or duplicate keys, wrong kinds, missing required keys, defaults that do
// not fit their type, missing hook files, a pum.minimum_version above what we implement, ...
// Changelogs are not looked at here.
Config load_config(const std::filesystem::path& file, const std::string& display_file);
// The same checks on a configuration given as text (the Python API's PumConfig(base_path,
// **kwargs), whose keyword arguments arrive as a JSON document): hook files and changelogs are
// resolved against `base_dir`; messages name `display_name`.
Config load_config_text(std::string text, const std::filesystem::path& base_dir,
                        const std::string& display_name);

}  // namespace pum::config
