#pragma once
// Running the catalog queries of one database (read_snapshot.cpp, read_extras.cpp): $1 is always
// the excluded schemas; with -v each query is logged with its row count and duration. And the
// small helpers that turn result cells into row values.
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "pum/check/row.hpp"
#include "pum/check/snapshot.hpp"
#include "pum/db/connection.hpp"

namespace pum::check {

class CatalogQuery {
 public:
  CatalogQuery(db::Connection& conn, const std::vector<std::string>& exclude_schemas);

  db::Result run(std::string_view sql, db::Params params = {});
  [[nodiscard]] db::Connection& conn() { return conn_; }

 private:
  db::Connection& conn_;
  std::string schemas_;  // text[] literal
};

// Cell c of row r: NULL stays NULL.
inline Value at(const db::Result& result, int r, int c) { return result.optional_text(r, c); }
inline std::string text(const db::Result& result, int r, int c) {
  return std::string(result.text(r, c));
}
inline std::string dotted(const std::string& a, const std::string& b) { return a + "." + b; }
inline const char* flag(bool value) { return value ? "t" : "f"; }

template <typename Int>
Int to_int(std::string_view text) {
  Int value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// The extra kinds asked for (types, enums, extensions, policies, privileges, comments,
// ownership; materialized views come with the relations), into the snapshot.
void read_extras(CatalogQuery& query, const std::vector<Kind>& kinds, Snapshot& snapshot);

}  // namespace pum::check
