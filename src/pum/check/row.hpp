#pragma once
// One row of a check: the values of the kind's columns (text or NULL, as pum's rows hold
// strings or None), plus what the comparison and the HTML report need to know about the object
// the row describes. Only `values` is part of the row's content.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pum::check {

using Value = std::optional<std::string>;

struct Row {
  std::vector<Value> values;  // in the order of KindInfo::columns
  // The table or view the row belongs to (relation_key()), empty when none: used to keep only
  // the tables present in both databases and to leave out excluded tables.
  std::string relation;
  // What the HTML report groups by ("inventory.item") and the thing inside it that the row
  // describes ("price" for a column, "item_pkey" for a constraint; empty for the object itself).
  std::string object;
  std::string item;
  // Non-zero: the value in the kind's definition column (deferred_column()) is a fingerprint
  // (fingerprint.hpp); PostgreSQL's definition of the object with this OID replaces it when the
  // row has no match by fingerprint.
  std::uint32_t deferred = 0;
};

// The key of a relation in Row::relation and in the sets of a Snapshot.
inline std::string relation_key(const std::string& schema, const std::string& name) {
  return schema + '\x1f' + name;
}

}  // namespace pum::check
