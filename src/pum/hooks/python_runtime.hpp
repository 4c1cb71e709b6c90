#pragma once
// The Python plugin as pum sees it: found beside the binary (/proc/self/exe, never an environment
// variable), dlopen()ed and started on first use only, and the Host side of python_plugin.hpp:
// `{name}` rendering for HookBase.execute with pum's own renderer, the check that keeps hooks
// from ending pum's transaction, and pum's log for Python's logging module.
#include <filesystem>
#include <string>

#include "pum/hooks/python_plugin.hpp"
#include "pum/params/value.hpp"

namespace pum::hooks::detail {

class Runtime final : public plugin::Host {
 public:
  // The started runtime: loads the plugin and starts the interpreter on the first call. Throws
  // pum::Error when the plugin cannot be found, loaded or started (and on every later call).
  static Runtime& get();
  // Whether get() has succeeded in this process.
  static bool started();
  // See hooks::set_python_support_dir.
  static void set_support_dir(std::filesystem::path dir);
  // The Python API (pum._native): hooks run in the interpreter that imported pum, started by
  // `attach` (the plugin's code, linked into the extension) instead of a dlopen()ed plugin.
  static void use_running_interpreter(PumPythonPluginCreate attach, std::string package_dir);

  plugin::Engine& engine() { return *engine_; }
  // "Python 3.11.2 (/usr)": names the interpreter in messages.
  [[nodiscard]] const std::string& python() const { return python_; }

  // While it lives, HookBase.execute renders with `params` (the running hook's full set).
  class RunScope {
   public:
    RunScope(Runtime& runtime, const Parameters& params);
    ~RunScope();
    RunScope(const RunScope&) = delete;
    RunScope& operator=(const RunScope&) = delete;

   private:
    Runtime& runtime_;
    const Parameters* previous_;
  };

  plugin::Rendered render_text(const std::string& sql) override;
  plugin::Rendered render_file(const std::string& path) override;
  plugin::Rendered split_file(const std::string& path) override;
  std::string ends_transaction(const std::string& sql) override;
  void log(int level, const std::string& message) override;
  bool log_enabled(int level) override;

 private:
  Runtime() = default;
  void start();

  plugin::Engine* engine_ = nullptr;
  std::string python_;
  const Parameters* params_ = nullptr;
};

}  // namespace pum::hooks::detail
