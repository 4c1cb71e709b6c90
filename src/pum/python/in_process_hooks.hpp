#pragma once
// Python hooks under the Python API: they run in the interpreter that imported pum, through the
// plugin's own engine (src/pum/hooks/embed, linked into pum._native) attached to it, instead of
// an interpreter started in a dlopen()ed plugin as the pum binary does.
#include <pybind11/pybind11.h>

namespace pum::python {

// `_native.use_running_interpreter(package_dir)`: called once by the pum package on import.
void bind_in_process_hooks(pybind11::module_& module);

}  // namespace pum::python
