#include "pum/python/check_bindings.hpp"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pum/check/compare_databases.hpp"
#include "pum/check/kinds.hpp"
#include "pum/check/output.hpp"
#include "pum/check/report.hpp"
#include "pum/db/connection.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::python {

namespace py = pybind11;

namespace {

// pum's log to a Python callable, from any thread: the two databases are read on two threads
// while the calling thread has released the interpreter, so every line takes the GIL first. A
// failing sink (a broken logging handler) loses the line rather than the comparison.
class ThreadedLog {
 public:
  ThreadedLog(py::object sink, int min_level) : previous_level_(log::level()) {
    auto shared = std::make_shared<py::object>(std::move(sink));
    sink_ = shared;
    previous_sink_ = log::set_sink([shared](log::Level level, std::string_view message) {
      py::gil_scoped_acquire gil;
      try {
        (*shared)(static_cast<int>(level), py::str(message.data(), message.size()));
      } catch (py::error_already_set& error) {
        error.discard_as_unraisable("pum's log sink");
      }
    });
    log::set_level(static_cast<log::Level>(min_level));
  }
  ~ThreadedLog() {
    log::set_sink(std::move(previous_sink_));
    log::set_level(previous_level_);
  }
  ThreadedLog(const ThreadedLog&) = delete;
  ThreadedLog& operator=(const ThreadedLog&) = delete;

 private:
  std::shared_ptr<py::object> sink_;
  log::Sink previous_sink_;
  log::Level previous_level_;
};

const char* type_name(check::DiffType type) {
  return type == check::DiffType::added ? "added" : "removed";
}

py::dict row_content(const check::KindInfo& kind, const check::Row& row) {
  py::dict content;
  for (std::size_t i = 0; i < kind.columns.size() && i < row.values.size(); ++i) {
    const check::Value& value = row.values[i];
    content[py::str(kind.columns[i].data(), kind.columns[i].size())] =
        value ? py::object(py::str(*value)) : py::object(py::none());
  }
  return content;
}

// The results as plain Python data, for pum 1.8's dataclasses: one dict per executed check
// {key, name, passed, differences: [(type, content)]}.
py::list results_data(const check::Report& report) {
  py::list out;
  for (const check::CheckResult& result : report.results) {
    const check::KindInfo& kind = check::info(result.kind);
    py::list differences;
    for (const check::Difference& difference : result.differences) {
      differences.append(
          py::make_tuple(type_name(difference.type), row_content(kind, difference.row)));
    }
    py::dict entry;
    entry["key"] = std::string(kind.key);
    entry["name"] = std::string(kind.title);
    entry["passed"] = result.passed();
    entry["differences"] = differences;
    out.append(entry);
  }
  return out;
}

check::Value value_of(const py::handle& value) {
  if (value.is_none()) return std::nullopt;
  return py::str(value).cast<std::string>();
}

// A report rebuilt from pum 1.8's ComparisonReport fields (a report the caller made or changed):
// rows keep their values; what the HTML report groups by is not known and left empty.
check::Report report_from_data(const std::string& connection1, const std::string& connection2,
                               const std::string& timestamp, const py::list& results) {
  check::Report report;
  report.connection1 = db::redact_conninfo(connection1);
  report.connection2 = db::redact_conninfo(connection2);
  report.timestamp = timestamp;
  for (const py::handle& item : results) {
    auto entry = item.cast<py::dict>();
    auto key = entry["key"].cast<std::string>();
    std::optional<check::Kind> kind = check::kind_from_key(key);
    if (!kind) throw Error(fmt::format("unknown check '{}' in the report", key));
    const check::KindInfo& info = check::info(*kind);
    check::CheckResult result{*kind, {}};
    for (const py::handle& difference : entry["differences"].cast<py::list>()) {
      auto pair = difference.cast<py::tuple>();
      auto type = pair[0].cast<std::string>();
      check::Row row;
      py::object content = pair[1];
      if (!py::isinstance<py::dict>(content)) {
        throw Error(fmt::format("a difference of check '{}' is not a dict of its columns", key));
      }
      auto columns = content.cast<py::dict>();
      for (std::string_view column : info.columns) {
        py::str name(column.data(), column.size());
        row.values.push_back(columns.contains(name) ? value_of(columns[name]) : std::nullopt);
      }
      result.differences.push_back(
          {type == "added" ? check::DiffType::added : check::DiffType::removed, std::move(row)});
    }
    report.results.push_back(std::move(result));
  }
  return report;
}

check::Format format_of(const std::string& name) {
  std::optional<check::Format> format = check::format_from_string(name);
  if (!format) throw Error(fmt::format("unknown report format '{}'", name));
  return *format;
}

check::Opener borrowing(std::uintptr_t pgconn, std::string display) {
  return [pgconn, display = std::move(display)] {
    return db::Connection::borrow(reinterpret_cast<PGconn*>(pgconn),  // NOLINT: an address
                                  display);
  };
}

// Compares the databases behind two open connections (the Checker's own, idle): each is read in
// its own read-only snapshot transaction, on its own thread, and left idle again.
check::Report compare(std::uintptr_t pgconn1, std::uintptr_t pgconn2,
                      const std::string& connection1, const std::string& connection2,
                      const std::vector<std::string>& ignore,
                      const std::vector<std::string>& exclude_schemas,
                      const std::vector<std::string>& exclude_field_patterns,
                      bool include_migrations_table, py::object sink, int level) {
  if (pgconn1 == 0 || pgconn2 == 0) throw Error("no connection given");
  ThreadedLog log(std::move(sink), level);
  check::Selection selection;
  selection.ignore = ignore;
  selection.exclude_schemas = exclude_schemas;
  selection.exclude_field_patterns = exclude_field_patterns;
  selection.include_migrations_table = include_migrations_table;
  check::Report report;
  report.connection1 = db::redact_conninfo(connection1);
  report.connection2 = db::redact_conninfo(connection2);
  report.timestamp = check::local_timestamp();
  py::gil_scoped_release released;
  report.results = check::compare_databases(borrowing(pgconn1, report.connection1),
                                            borrowing(pgconn2, report.connection2), selection);
  return report;
}

}  // namespace

void bind_check(py::module_& m) {
  py::class_<check::Report>(m, "CheckReport")
      .def_readonly("timestamp", &check::Report::timestamp)
      .def("results", &results_data)
      .def("render", [](const check::Report& report, const std::string& format) {
        return check::render(report, format_of(format));
      });
  m.def("check_compare", &compare);
  m.def("check_report", &report_from_data);
  m.def("check_keys", &check::check_keys);
  m.def("conninfo_from_argument",
        [](const std::string& argument) { return db::conninfo_from_argument(argument); });
}

}  // namespace pum::python
