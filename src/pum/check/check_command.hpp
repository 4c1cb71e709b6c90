#pragma once
// pum check: compares the structure of the database of -p with another one, prints
// the report and logs OK or DIFFERENCES FOUND. Needs no .pum.yaml.
#include <string>

#include "pum/check/compare_databases.hpp"
#include "pum/check/output.hpp"

namespace pum::check {

struct CheckOptions {
  std::string connection1;  // -p
  std::string connection2;  // the positional argument
  Selection selection;
  OutputOptions output;
};

// Returns the exit code: 0 when the databases match, 1 when they differ. Failures to connect or
// to read are thrown as pum::Error.
int check(const CheckOptions& options);

}  // namespace pum::check
