// The extra kinds of --include (types, enums, extensions, policies, privileges, comments,
// ownership), read from pg_catalog into the snapshot.
#include <algorithm>

#include "pum/check/catalog_query.hpp"
#include "pum/check/catalog_sql.hpp"

namespace pum::check {

namespace {

bool has(const std::vector<Kind>& kinds, Kind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

void types(CatalogQuery& query, bool with_types, bool with_enums, Snapshot& snapshot) {
  db::Result r = query.run(sql::kTypes);
  for (int i = 0; i < r.rows(); ++i) {
    std::string schema = text(r, i, 0), name = text(r, i, 1);
    char typtype = r.text(i, 2).empty() ? ' ' : r.text(i, 2)[0];
    if (typtype == 'e') {
      if (with_enums) {
        snapshot.rows[Kind::enums].push_back(
            {{schema, name, at(r, i, 3)}, {}, dotted(schema, name), {}});
      }
      continue;
    }
    if (!with_types) continue;
    const char* kind = typtype == 'c'   ? "composite"
                       : typtype == 'd' ? "domain"
                       : typtype == 'r' ? "range"
                                        : "base";
    snapshot.rows[Kind::types].push_back(
        {{schema, name, kind, at(r, i, 3)}, {}, dotted(schema, name), {}});
  }
}

void extensions(CatalogQuery& query, Snapshot& snapshot) {
  db::Result r = query.run(sql::kExtensions);
  auto& out = snapshot.rows[Kind::extensions];
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({{at(r, i, 0), at(r, i, 1), at(r, i, 2)}, {}, text(r, i, 0), {}});
  }
}

void policies(CatalogQuery& query, Snapshot& snapshot) {
  db::Result r = query.run(sql::kPolicies);
  auto& out = snapshot.rows[Kind::policies];
  for (int i = 0; i < r.rows(); ++i) {
    std::string schema = text(r, i, 0), table = text(r, i, 1);
    Row row{{}, relation_key(schema, table), dotted(schema, table), {}};
    for (int c = 0; c < 8; ++c) row.values.push_back(at(r, i, c));
    // A policy by its name; the row level security switches by what they say.
    row.item = r.is_null(i, 2) ? text(r, i, 3) : text(r, i, 2);
    out.push_back(std::move(row));
  }
}

// Rows of (object_type, schema, object_name, value...): privileges, comments, ownership.
void named_objects(CatalogQuery& query, Kind kind, std::string_view sql, Snapshot& snapshot) {
  db::Result r = query.run(sql);
  auto& out = snapshot.rows[kind];
  const std::size_t columns = info(kind).columns.size();
  for (int i = 0; i < r.rows(); ++i) {
    std::string type = text(r, i, 0), schema = text(r, i, 1), name = text(r, i, 2);
    Row row;
    for (std::size_t c = 0; c < columns; ++c) row.values.push_back(at(r, i, static_cast<int>(c)));
    bool relation = type == "table" || type == "view" || type == "sequence" ||
                    type == "materialized view" || type == "foreign table";
    if (relation) row.relation = relation_key(schema, name);
    row.object = type;
    row.object += ' ';
    row.object += type == "schema" ? name : dotted(schema, name);
    if (kind == Kind::privileges) row.item = text(r, i, 3);
    out.push_back(std::move(row));
  }
}

}  // namespace

void read_extras(CatalogQuery& query, const std::vector<Kind>& kinds, Snapshot& snapshot) {
  if (has(kinds, Kind::types) || has(kinds, Kind::enums)) {
    types(query, has(kinds, Kind::types), has(kinds, Kind::enums), snapshot);
  }
  if (has(kinds, Kind::extensions)) extensions(query, snapshot);
  if (has(kinds, Kind::policies)) policies(query, snapshot);
  if (has(kinds, Kind::privileges)) {
    named_objects(query, Kind::privileges, sql::kPrivileges, snapshot);
  }
  if (has(kinds, Kind::comments)) named_objects(query, Kind::comments, sql::kComments, snapshot);
  if (has(kinds, Kind::ownership)) named_objects(query, Kind::ownership, sql::kOwnership, snapshot);
}

}  // namespace pum::check
