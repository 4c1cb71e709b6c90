#pragma once
// What `check` reads from one database: the rows of every kind asked for, and the relations
// that exist (to compare columns, constraints and indexes of tables present in both databases
// only, as pum does).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pum/check/kinds.hpp"
#include "pum/check/row.hpp"

namespace pum::check {

struct Snapshot {
  std::map<Kind, std::vector<Row>> rows;
  std::set<std::string> tables;  // relation_key() of tables (plain, partitioned, foreign)
  std::set<std::string> views;   // relation_key() of views
  std::string server_version;    // "15.4"
  int server_version_num = 0;    // 150004
  bool fingerprints = false;     // some rows hold fingerprints (Row::deferred)
};

}  // namespace pum::check
