#include "pum/python/in_process_hooks.hpp"

#include <string>

#include "pum/hooks/python_plugin.hpp"
#include "pum/hooks/python_runtime.hpp"

extern "C" pum::hooks::plugin::Engine* pum_python_plugin_attach(
    int abi_version, pum::hooks::plugin::Host* host,
    const pum::hooks::plugin::StartOptions* options, pum::hooks::plugin::Failure* failure);

namespace pum::python {

void bind_in_process_hooks(pybind11::module_& module) {
  module.def("use_running_interpreter", [](const std::string& package_dir) {
    hooks::detail::Runtime::use_running_interpreter(&pum_python_plugin_attach, package_dir);
  });
  // Starts the hook runtime (registers _pum_native, imports pum._runtime) without a hook to
  // load: pum.hook.HookHandler loads hooks from Python.
  module.def("start_hooks", [] { hooks::detail::Runtime::get(); });
}

}  // namespace pum::python
