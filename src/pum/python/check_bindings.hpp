#pragma once
// pum.checker.Checker and pum.report_generator.ReportGenerator on the engine of `pum check`.
#include <pybind11/pybind11.h>

namespace pum::python {

void bind_check(pybind11::module_& m);

}  // namespace pum::python
