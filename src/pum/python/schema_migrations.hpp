#pragma once
// The pum_migrations functions of `pum._native` under pum.schema_migrations.SchemaMigrations:
// each runs history::MigrationsTable on the caller's connection, in its transaction (begun
// when idle, as psycopg would), committed only when asked.
#include <pybind11/pybind11.h>

namespace pum::python {

void bind_schema_migrations(pybind11::module_& module);

}  // namespace pum::python
