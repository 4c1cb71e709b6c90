#include "pum/python/schema_migrations.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pum/db/transaction.hpp"
#include "pum/history/migrations_table.hpp"
#include "pum/python/bridge.hpp"

namespace pum::python {

namespace py = pybind11;

namespace {

py::dict row_dict(const history::MigrationRow& row) {
  py::dict out;
  out["id"] = row.id;
  out["date_installed"] = row.date_installed;
  out["module"] = row.module.empty() ? py::object(py::none()) : py::str(row.module);
  out["version"] = row.version;
  out["beta_testing"] = row.beta_testing;
  out["changelog_files"] = row.changelog_files;
  out["parameters"] = row.parameters.dump();
  out["migration_table_version"] = row.migration_table_version;
  out["pum_version"] = row.pum_version ? py::object(py::str(*row.pum_version)) : py::none();
  return out;
}

}  // namespace

void bind_schema_migrations(py::module_& m) {
  m.def("table_exists", [](std::uintptr_t pgconn, const std::string& schema) {
    Borrowed b(pgconn);
    return history::MigrationsTable(b.conn, schema).exists();
  });
  m.def("table_schemas", [](std::uintptr_t pgconn) {
    Borrowed b(pgconn);
    return history::MigrationsTable::all_schemas(b.conn);
  });
  m.def("table_create", [](std::uintptr_t pgconn, const std::string& schema, bool commit) {
    Borrowed b(pgconn);
    history::MigrationsTable(b.conn, schema).create();
    if (commit) b.transaction.commit();
  });
  m.def("table_layout", [](std::uintptr_t pgconn, const std::string& schema) {
    Borrowed b(pgconn);
    return history::MigrationsTable(b.conn, schema).layout();
  });
  m.def("table_upgrade_layout", [](std::uintptr_t pgconn, const std::string& schema,
                                   const std::string& module, bool commit) {
    Borrowed b(pgconn);
    history::MigrationsTable(b.conn, schema).upgrade_layout(module);
    if (commit) b.transaction.commit();
  });
  m.def("table_rows", [](std::uintptr_t pgconn, const std::string& schema) {
    Borrowed b(pgconn);
    py::list rows;
    for (const auto& row : history::MigrationsTable(b.conn, schema).read_all()) {
      rows.append(row_dict(row));
    }
    return rows;
  });
  m.def("table_insert", [](std::uintptr_t pgconn, const std::string& schema,
                           const std::string& module, const std::string& version, bool beta_testing,
                           const std::vector<std::string>& changelog_files,
                           const std::string& parameters_json, bool commit) {
    Borrowed b(pgconn);
    history::MigrationsTable table(b.conn, schema);
    table.upgrade_layout(module);
    table.insert(
        {module, version, beta_testing, changelog_files, nlohmann::json::parse(parameters_json)});
    if (commit) b.transaction.commit();
  });
}

}  // namespace pum::python
