#pragma once
// The boundary between pum and pum_python.so, the plugin that embeds CPython. pum dlopen()s the
// plugin on the first Python hook only, so that SQL-only runs never load libpython (see
// module.cmake). Both sides are built together, by the same compiler, from this header: standard
// library types cross it, exceptions never do (every call returns its failure as data), and the
// plugin links nothing of pum but calls back through Host.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/params/value.hpp"

namespace pum::hooks::plugin {

// Bumped whenever anything in this header changes; a plugin of another version is refused.
inline constexpr int kAbiVersion = 3;
// extern "C" Engine* pum_python_plugin_create(int abi, Host*, const StartOptions*, Failure*)
inline constexpr const char* kEntryPoint = "pum_python_plugin_create";

// One frame of a Python traceback.
struct Frame {
  std::string file;  // absolute path as Python knows it
  int line = 0;
  int column = 0;  // 1-based, in characters; 0 when unknown
  std::string function;
  std::string line_text;  // the whole source line, for the caret display
};

// A failure on the Python side, as data.
struct Failure {
  std::string message;   // "ZeroDivisionError: division by zero", or the loader's own text
  std::string sqlstate;  // of a psycopg error raised by the hook's SQL
  std::vector<std::pair<std::string, std::string>> details;  // DETAIL/CONTEXT from the server
  std::vector<std::string> hints;
  std::vector<Frame> traceback;  // outermost first, pum's own package and importlib left out
  // Where the loader's own problems point (no class Hook, a SyntaxError): file empty otherwise.
  Frame where;
};

// What `{name}` rendering gives back to HookBase.execute: the statements to send, or why not.
struct Rendered {
  std::vector<std::string> statements;
  std::optional<std::string> error;  // "unknown parameter {x}" style, with its location
  std::vector<std::string> hints;
};

// Implemented by pum, called by the plugin (from HookBase.execute and the connection guard).
class Host {
 public:
  Host() = default;
  virtual ~Host() = default;
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  // Inline SQL as `code:` hooks render it (whole, one statement) with the running hook's
  // parameters; statements that end pum's transaction are refused.
  virtual Rendered render_text(const std::string& sql) = 0;
  // A .sql file as SQL-file hooks render it (split, checked, one entry per statement).
  virtual Rendered render_file(const std::string& path) = 0;
  // A .sql file split and checked as SQL-file hooks are, its statements left unrendered (for
  // SqlContent, which formats them with the parameters it is given).
  virtual Rendered split_file(const std::string& path) = 0;
  // What in `sql` would end pum's transaction ("COMMIT", "ROLLBACK"...), or empty: every query
  // psycopg sends for a hook goes through this first.
  virtual std::string ends_transaction(const std::string& sql) = 0;
  // pum's log (levels of pum::log::Level): Python's logging module and server notices of hooks.
  virtual void log(int level, const std::string& message) = 0;
  virtual bool log_enabled(int level) = 0;
};

struct StartOptions {
  std::string package_dir;               // holds the `pum` package hooks import
  std::uintptr_t pq_status_address = 0;  // &PQstatus in pum: psycopg must use this very libpq
};

// A run_hook argument besides self and connection.
struct Argument {
  std::string name;
  bool has_default = false;
};

struct LoadedHook {
  std::uint64_t id = 0;
  std::vector<Argument> arguments;
  Frame run_hook;  // where `def run_hook` is, for messages about its arguments
};

// A `module:`/`function:` entry of the `hooks:` section (lifecycle hooks).
struct LifecycleEntry {
  std::string event, module, function;
  std::string where;  // "<config file>:<line>": where a missing module or function points
};

// One lifecycle hook as loaded: its event and label ("pum_hooks.py:12 log_start",
// "scripts.hooks.log_migration").
struct LifecycleHook {
  std::string event;
  std::string label;
};

// Implemented by the plugin. Every call needs the caller to be pum's main thread.
class Engine {
 public:
  virtual ~Engine() = default;
  Engine() = default;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // "3.11.2 (/usr), psycopg 3.1.7": for the debug log.
  virtual std::string describe() = 0;
  // The installed version of a distribution (importlib.metadata), nullopt when not installed.
  virtual std::optional<Failure> distribution_version(const std::string& name,
                                                      std::optional<std::string>& version) = 0;
  // Imports the hook file with its directory and module_dir on sys.path, finds class Hook,
  // instantiates it and reads run_hook's signature.
  virtual std::optional<Failure> load(const std::string& path, const std::string& module_dir,
                                      LoadedHook& hook) = 0;
  // Calls run_hook on a psycopg connection borrowing `pgconn` (a PGconn*), with the declared
  // arguments taken from `params`; the hook's `self.execute` renders through Host.
  virtual std::optional<Failure> run(std::uint64_t id, void* pgconn, const Parameters& params) = 0;
  // The hook is no longer needed; when no hook of its module directory is left, every module
  // loaded from that directory is evicted from sys.modules.
  virtual void release(std::uint64_t id) = 0;

  // Lifecycle hooks (pum.hooks): imports the hooks modules `discovered` (absolute paths) and the
  // `configured` functions with `project_dir` on sys.path, replacing whatever a previous call
  // loaded (and starting a new run's metadata dict); `hooks` gets every hook, by event in
  // pum.hooks.EVENTS order, then in call order.
  virtual std::optional<Failure> load_lifecycle(const std::string& project_dir,
                                                const std::vector<std::string>& discovered,
                                                const std::vector<LifecycleEntry>& configured,
                                                std::vector<LifecycleHook>& hooks) = 0;
  // Calls every hook of `event` with a HookContext built from `context_json` (see
  // lifecycle_python.hpp), its `connection` borrowing `pgconn` (a PGconn*, or null: None).
  virtual std::optional<Failure> fire_lifecycle(const std::string& event,
                                                const std::string& context_json, void* pgconn) = 0;
};

}  // namespace pum::hooks::plugin

extern "C" {
using PumPythonPluginCreate =
    pum::hooks::plugin::Engine* (*)(int abi_version, pum::hooks::plugin::Host* host,
                                    const pum::hooks::plugin::StartOptions* options,
                                    pum::hooks::plugin::Failure* failure);
}
