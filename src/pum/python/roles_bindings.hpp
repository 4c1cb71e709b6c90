#pragma once
// The role functions of `pum._native` under pum.role_manager.RoleManager: src/pum/roles run on
// the caller's connection, in its transaction (begun when idle), committed only when asked.
#include <pybind11/pybind11.h>

namespace pum::python {

void bind_roles(pybind11::module_& module);

}  // namespace pum::python
