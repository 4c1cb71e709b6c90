#pragma once
// Reading two databases at the same time (one connection and one thread each) and comparing
// them; what `check` and `drift` share.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pum/check/compare.hpp"
#include "pum/check/read_snapshot.hpp"
#include "pum/check/report.hpp"
#include "pum/db/connection.hpp"

namespace pum::check {

// What the user asked to compare (-i, --include, -N, -P).
struct Selection {
  std::vector<std::string> ignore;
  std::vector<std::string> include;
  std::vector<std::string> exclude_schemas;
  std::vector<std::string> exclude_field_patterns;
  bool include_migrations_table = false;  // --include-migrations-table
};

// Opens a connection: called on the reading thread.
using Opener = std::function<db::Connection()>;

// Opens both databases and reads their snapshots in parallel (each on its own thread), then
// compares them. The first failure (connection or query) is rethrown after both threads ended.
std::vector<CheckResult> compare_databases(const Opener& first, const Opener& second,
                                           const Selection& selection,
                                           const std::set<std::string>& exclude_relations = {});

}  // namespace pum::check
