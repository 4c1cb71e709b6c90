// The build without Python headers: .py hooks are refused before anything runs.
#include <fmt/format.h>

#include "pum/hooks/lifecycle_python.hpp"
#include "pum/hooks/python_hook.hpp"

namespace pum::hooks {

class PythonHook {};

bool python_available() { return false; }

bool python_started() { return false; }

void set_python_support_dir(const std::filesystem::path& /*dir*/) {}

std::shared_ptr<PythonHook> load_python_hook(const config::Config& config,
                                             const config::Hook& hook) {
  throw Error(fmt::format("Python hooks are not available in this build: {}", hook.file_display),
              config.location(hook.mark))
      .hint(
          "this pum was built without Python; rebuild with python3-dev installed, or rewrite "
          "the hook in SQL");
}

void run_python_hook(PythonHook& /*hook*/, db::Connection& /*conn*/, const Parameters& /*params*/) {
  throw Error("Python hooks are not available in this build");
}

std::unique_ptr<PythonLifecycle> load_python_lifecycle(const PythonLifecycleSpec& spec) {
  const std::string what =
      spec.configured.empty() ? spec.discovered.front().string() : spec.configured.front().where;
  throw Error(fmt::format("Python lifecycle hooks are not available in this build ({})", what))
      .hint(
          "this pum was built without Python; rebuild with python3-dev installed, or use SQL "
          "(file, code) or command hooks in the `hooks:` section of .pum.yaml");
}

}  // namespace pum::hooks
