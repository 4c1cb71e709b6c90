#pragma once
// The Python side of lifecycle hooks (docs/hooks.md): functions decorated with
// `@register_hook('<event>')` in the project's hooks module (pum_hooks.py at the module directory,
// or db/pum_hooks.py), and `module:`/`function:` entries of the `hooks:` section of .pum.yaml.
// Each is called with a `pum.hooks.HookContext`. Loaded through the Python plugin (started only
// when a project has such a hook).
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pum/db/connection.hpp"

namespace pum::hooks {

struct PythonLifecycleSpec {
  std::filesystem::path project_dir;  // on sys.path while hooks load and run
  // Hooks modules found in the project (absolute paths), imported in this order.
  std::vector<std::filesystem::path> discovered;
  struct Entry {
    std::string event, module, function;
    std::string where;  // "<config file>:<line>" for messages
  };
  std::vector<Entry> configured;  // `hooks:` entries, in file order
};

class PythonLifecycle {
 public:
  virtual ~PythonLifecycle() = default;
  // The hooks of an event, in call order, as labels ("pum_hooks.py:12 log_start",
  // "scripts.hooks.log_migration").
  [[nodiscard]] virtual std::vector<std::string> hooks_of(std::string_view event) const = 0;
  // Calls every hook of the event with a HookContext built from `context` (keys: event,
  // migration {version, name, files} or null, environment, status, duration_ms, error
  // {message, sqlstate} or null, parameters), the run's shared `metadata` dict, and `connection`
  // = pum's own connection borrowed as a psycopg Connection (None when conn is null). Throws
  // pum::Error with the hook's own traceback (file:line in the user's code) when one raises.
  virtual void fire(std::string_view event, const nlohmann::json& context,
                    db::Connection* conn) = 0;
};

// Imports the discovered modules and the configured functions. Throws pum::Error located in the
// hook file for an import error, a configured function that does not exist, or a
// register_hook() with an unknown event name (with the valid names and a did-you-mean).
std::unique_ptr<PythonLifecycle> load_python_lifecycle(const PythonLifecycleSpec& spec);

}  // namespace pum::hooks
