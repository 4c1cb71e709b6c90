#pragma once
// Reads a Snapshot from one database: one query per kind asked for (plus one for the relations
// and one for what stored expressions refer to), all inside one REPEATABLE READ, READ ONLY
// transaction so that the rows form one consistent picture, with the session settings that
// affect how definitions print pinned (catalog_sql.hpp). The transaction stays open after
// read_snapshot() so that resolve_definitions() sees the same picture; end_snapshot() ends it.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pum/check/kinds.hpp"
#include "pum/check/snapshot.hpp"
#include "pum/db/connection.hpp"

namespace pum::check {

struct ReadOptions {
  std::vector<Kind> kinds;                   // what will be compared
  std::vector<std::string> exclude_schemas;  // -N
  bool fingerprints = true;                  // fingerprint.hpp; false: definitions at once
};

Snapshot read_snapshot(db::Connection& conn, const ReadOptions& options);

// PostgreSQL's definitions of the objects of a kind with a deferred column (views, materialized
// views, indexes, constraints), by OID, in the snapshot's transaction.
std::map<std::uint32_t, Value> resolve_definitions(db::Connection& conn, Kind kind,
                                                   const std::vector<std::uint32_t>& oids);

void end_snapshot(db::Connection& conn);

// {"a","b \"c\""}: a text[] literal for a query parameter.
std::string text_array_literal(const std::vector<std::string>& items);

}  // namespace pum::check
