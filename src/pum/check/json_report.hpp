#pragma once
// The JSON report, with pum 1.8's keys and layout (indent 2): pg_connection1, pg_connection2,
// timestamp, passed, total_checks, passed_checks, failed_checks, total_differences,
// check_results[] {name, key, passed, difference_count, differences[] {type, content}}; content
// is the row as an object of strings and nulls, keys in column order.
#include <string>

#include "pum/check/report.hpp"

namespace pum::check {

std::string json_report(const Report& report);

}  // namespace pum::check
