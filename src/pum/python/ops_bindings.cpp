#include "pum/python/ops_bindings.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/db/transaction.hpp"
#include "pum/hooks/python_dependencies.hpp"
#include "pum/ops/database.hpp"
#include "pum/ops/dump_restore.hpp"
#include "pum/ops/tool_connection.hpp"
#include "pum/python/bridge.hpp"
#include "pum/util/error.hpp"

namespace pum::python {

namespace py = pybind11;

namespace {

db::Connection borrow(std::uintptr_t pgconn) {
  if (pgconn == 0) throw Error("no connection given");
  return db::Connection::borrow(reinterpret_cast<PGconn*>(pgconn),  // NOLINT: an address
                                "the given connection");
}

// The `db` building blocks run on a connection the pum package opened in autocommit (CREATE
// and DROP DATABASE cannot run in a transaction), as pum 1.8's helpers do.
void db_create(std::uintptr_t pgconn, const std::string& name,
               const std::optional<std::string>& template_name, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  db::Connection conn = borrow(pgconn);
  ops::create_database(conn, name, template_name);
}

void db_drop(std::uintptr_t pgconn, const std::string& name, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  db::Connection conn = borrow(pgconn);
  ops::drop_database(conn, name);
}

void db_set_access(std::uintptr_t pgconn, const std::string& name,
                   const std::vector<std::string>& grant, const std::vector<std::string>& revoke,
                   std::optional<bool> public_connect, py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  db::Connection conn = borrow(pgconn);
  ops::set_connect_access(conn, name, grant, revoke, public_connect);
}

// On the caller's connection: in its transaction (begun if idle, as psycopg would) unless it is
// in autocommit. None for an unknown database.
std::optional<std::pair<bool, std::vector<std::string>>> db_connect_access(std::uintptr_t pgconn,
                                                                           const std::string& name,
                                                                           bool autocommit) {
  db::Connection conn = borrow(pgconn);
  std::optional<db::Transaction> transaction;
  if (!autocommit) transaction.emplace(conn, db::Transaction::Join{});
  std::optional<ops::ConnectAccess> access = ops::find_connect_access(conn, name);
  if (!access) return std::nullopt;
  return std::make_pair(access->public_connect, std::move(access->roles));
}

run::Global tool_global(const std::string& pg_connection) {
  run::Global global;
  global.pg_connection = pg_connection;
  return global;
}

void dump(const std::string& pg_connection, const std::string& file, const std::string& format,
          const std::vector<std::string>& exclude_schemas, std::optional<std::string> program,
          py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  ops::DumpOptions options;
  options.file = file;
  options.format = format == "custom" ? ops::DumpFormat::custom : ops::DumpFormat::plain;
  options.exclude_schemas = exclude_schemas;
  options.program = std::move(program);
  ops::dump(tool_global(pg_connection), options);
}

void restore(const std::string& pg_connection, const std::string& file,
             const std::vector<std::string>& exclude_schemas, std::optional<std::string> program,
             py::object sink, int level) {
  LogToPython log(std::move(sink), level);
  ops::RestoreOptions options;
  options.file = file;
  options.exclude_schemas = exclude_schemas;
  options.program = std::move(program);
  ops::restore(tool_global(pg_connection), options);
}

// The binary's check of a `dependencies:` entry against the installed version (None: not
// installed); raises PumError saying what is wrong, returns None when it is satisfied.
void dependency_check(const std::string& name, const std::optional<std::string>& minimum,
                      const std::optional<std::string>& maximum,
                      const std::optional<std::string>& installed, const std::string& python) {
  config::Config config;
  config::Dependency dependency;
  dependency.name = name;
  dependency.minimum_version = minimum;
  dependency.maximum_version = maximum;
  std::optional<Error> problem = hooks::dependency_problem(config, dependency, installed, python);
  if (problem) throw *problem;
}

}  // namespace

void bind_ops(py::module_& m) {
  m.def("db_create", &db_create);
  m.def("db_drop", &db_drop);
  m.def("db_set_access", &db_set_access);
  m.def("db_connect_access", &db_connect_access);
  m.def("dump", &dump);
  m.def("restore", &restore);
  m.def("conninfo_with_dbname", [](const std::string& pg_connection, const std::string& dbname) {
    return ops::conninfo_with_dbname(pg_connection, dbname);
  });
  m.def("dependency_check", &dependency_check);
  m.def("dependency_requirement",
        [](const std::string& name, const std::optional<std::string>& minimum,
           const std::optional<std::string>& maximum) {
          config::Dependency dependency;
          dependency.name = name;
          dependency.minimum_version = minimum;
          dependency.maximum_version = maximum;
          return hooks::requirement(dependency);
        });
}

}  // namespace pum::python
