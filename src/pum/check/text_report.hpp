#pragma once
// The text report of pum 1.8: for each executed check its title, then one line per difference,
// "- {...}" for a row only in the first database, "+ {...}" for a row only in the second, the
// row written as a Python dict. Lines are joined with "\n" and the text has no final newline
// (printing it adds one, as pum's print() does).
#include <string>

#include "pum/check/report.hpp"

namespace pum::check {

std::string text_report(const Report& report);

}  // namespace pum::check
