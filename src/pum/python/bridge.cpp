#include "pum/python/bridge.hpp"

#include <fmt/format.h>

#include <utility>

#include "pum/util/error.hpp"

namespace pum::python {

run::Global borrowed_global(std::uintptr_t pgconn, const ConfigHandle& config, bool commit) {
  if (pgconn == 0) throw Error("no connection given");
  run::Global global;
  // reinterpret_cast: psycopg hands the PGconn* over as an integer address.
  global.borrowed_connection = reinterpret_cast<pg_conn*>(pgconn);  // NOLINT
  global.config = config.config;
  global.config_file = config.config->file;
  global.config_display = config.config->display_file;
  global.commit = commit;
  return global;
}

LogToPython::LogToPython(py::object sink, int min_level)
    : sink_(std::move(sink)), previous_level_(log::level()) {
  previous_sink_ = log::set_sink([this](log::Level level, std::string_view message) {
    sink_(static_cast<int>(level), py::str(message.data(), message.size()));
  });
  log::set_level(static_cast<log::Level>(min_level));
}

LogToPython::~LogToPython() {
  log::set_sink(std::move(previous_sink_));
  log::set_level(previous_level_);
}

namespace {

// The text of pum::Error as the command line prints it, without colour or caret: the location,
// the message, then DETAIL/HINT lines.
std::string describe(const Error& error) {
  std::string text = error.what();
  if (!error.sqlstate().empty()) text += fmt::format(" (SQLSTATE {})", error.sqlstate());
  for (const auto& [label, line] : error.details()) text += fmt::format("\n{}: {}", label, line);
  for (const auto& hint : error.hints()) text += "\nHINT: " + hint;
  return text;
}

}  // namespace

void register_errors(py::module_& module) {
  static py::exception<Error> pum_error(module, "PumError");
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const Error& error) {
      py::object instance = py::handle(pum_error.ptr())(describe(error));
      instance.attr("sqlstate") =
          error.sqlstate().empty() ? py::object(py::none()) : py::object(py::str(error.sqlstate()));
      instance.attr("message") = error.message();
      instance.attr("hints") = error.hints();
      instance.attr("file") = error.location().file;
      instance.attr("line") = error.location().line;
      PyErr_SetObject(pum_error.ptr(), instance.ptr());
    }
  });
}

}  // namespace pum::python
