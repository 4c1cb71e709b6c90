#pragma once
// pum.database, pum.dumper and pum.dependency_handler on the native core: the code of the
// binary's `db`, `dump`/`restore` commands and of its check of hook dependencies.
#include <pybind11/pybind11.h>

namespace pum::python {

void bind_ops(pybind11::module_& m);

}  // namespace pum::python
