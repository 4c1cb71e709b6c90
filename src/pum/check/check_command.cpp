#include "pum/check/check_command.hpp"

#include "pum/ui/log.hpp"

namespace pum::check {

int check(const CheckOptions& options) {
  // Validate the selection before connecting anywhere.
  (void)select_kinds(options.selection.ignore, options.selection.include);
  Report report;
  report.connection1 = db::redact_conninfo(options.connection1);
  report.connection2 = db::redact_conninfo(options.connection2);
  report.timestamp = local_timestamp();
  report.results = compare_databases([&] { return db::Connection::open(options.connection1); },
                                     [&] { return db::Connection::open(options.connection2); },
                                     options.selection);
  write_output(render(report, options.output.format), options.output);
  if (report.passed()) {
    log::info("OK");
    return 0;
  }
  log::info("DIFFERENCES FOUND");
  return 1;
}

}  // namespace pum::check
