#pragma once
// What every call of the Python API's native module shares: the caller's psycopg connection
// turned into a run::Global, pum's log handed to a Python callable, pum::Error raised as
// `_native.PumError` (the `pum` package maps it to pum 1.8's exception classes).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "pum/config/config.hpp"
#include "pum/db/connection.hpp"
#include "pum/db/transaction.hpp"
#include "pum/run/options.hpp"
#include "pum/ui/log.hpp"

namespace pum::python {

namespace py = pybind11;

// An opaque configuration handle held by pum.pum_config.PumConfig.
struct ConfigHandle {
  std::shared_ptr<const config::Config> config;
};

// A Global for a command on the caller's connection (a PGconn* address from psycopg's
// `connection.pgconn.pgconn_ptr`) with the given configuration.
run::Global borrowed_global(std::uintptr_t pgconn, const ConfigHandle& config, bool commit);

// The caller's connection and transaction for one call that runs no command: joins the
// caller's transaction (begun when the connection is idle); commits only when told to.
struct Borrowed {
  db::Connection conn;
  db::Transaction transaction;

  explicit Borrowed(std::uintptr_t pgconn)
      : conn(db::Connection::borrow(reinterpret_cast<PGconn*>(pgconn),  // NOLINT: an address
                                    "the given connection")),
        transaction(conn, db::Transaction::Join{}) {}
};

// While alive, pum's log lines go to `sink(level, message)` (Python), and every level at or
// above `min_level` is produced. An exception the sink raises (a cancelled Feedback) leaves the
// call through pum's engine as py::error_already_set.
class LogToPython {
 public:
  LogToPython(py::object sink, int min_level);
  ~LogToPython();
  LogToPython(const LogToPython&) = delete;
  LogToPython& operator=(const LogToPython&) = delete;

 private:
  py::object sink_;
  log::Sink previous_sink_;
  log::Level previous_level_;
};

// Registers `_native.PumError` and the translation of pum::Error into it.
void register_errors(py::module_& module);

}  // namespace pum::python
