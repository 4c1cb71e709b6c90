#include "pum/check/read_snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pum/check/catalog_query.hpp"
#include "pum/check/catalog_sql.hpp"
#include "pum/check/fingerprint.hpp"
#include "pum/check/info_schema.hpp"
#include "pum/check/sql_like.hpp"
#include "pum/util/error.hpp"

namespace pum::check {

namespace {

// pg_attribute.attgenerated, pg_proc.prokind: the catalog columns the queries read.
constexpr int kMinimumServerVersion = 120000;

bool wants(const ReadOptions& options, Kind kind) {
  return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

class Reader {
 public:
  Reader(db::Connection& conn, const ReadOptions& options)
      : conn_(conn), options_(options), query_(conn, options.exclude_schemas) {}

  Snapshot read() {
    conn_.exec(sql::kBeginSnapshot);
    db::Result version = conn_.query_one_row(
        "SELECT pg_catalog.current_setting('server_version'), "
        "pg_catalog.current_setting('server_version_num')::integer");
    snapshot_.server_version = version.text(0, 0);
    snapshot_.server_version_num = to_int<int>(version.text(0, 1));
    if (snapshot_.server_version_num < kMinimumServerVersion) {
      throw Error(fmt::format("{} runs PostgreSQL {}; pum check needs PostgreSQL 12 or later",
                              conn_.display(), snapshot_.server_version));
    }
    fingerprints_ = options_.fingerprints && fingerprints_supported(snapshot_.server_version_num);
    snapshot_.fingerprints = fingerprints_;
    relations();
    if (wants(options_, Kind::columns)) columns();
    if (wants(options_, Kind::constraints)) constraints();
    if (!trees_.empty()) tree_fingerprints();
    if (wants(options_, Kind::indexes)) indexes();
    if (wants(options_, Kind::triggers)) triggers();
    if (wants(options_, Kind::functions)) functions();
    if (wants(options_, Kind::rules)) rules();
    read_extras(query_, options_.kinds, snapshot_);
    return std::move(snapshot_);
  }

 private:
  // A stored tree waiting for its references: row `index` of `kind`, whose deferred column
  // becomes the fingerprint made of `parts` + the tree's fingerprint.
  struct PendingTree {
    Kind kind;
    std::size_t index;
    std::uint32_t owner;  // the view, or the CHECK constraint
    std::string tree;
    std::vector<std::string> parts;
  };

  db::Result run(std::string_view text, db::Params params = {}) {
    return query_.run(text, std::move(params));
  }

  std::vector<Row>& rows(Kind kind) { return snapshot_.rows[kind]; }

  void relations() {
    bool views = wants(options_, Kind::views);
    bool matviews = wants(options_, Kind::materialized_views);
    db::Result r = run(sql::kRelations, {flag(views), flag(matviews), flag(fingerprints_)});
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), name = text(r, i, 1);
      char relkind = r.text(i, 2).empty() ? ' ' : r.text(i, 2)[0];
      std::string key = relation_key(schema, name);
      std::string object = dotted(schema, name);
      auto oid = to_int<std::uint32_t>(r.text(i, 6));
      switch (relkind) {
        case 'r':
        case 'p':
        case 'f':
          snapshot_.tables.insert(key);
          rows(Kind::tables).push_back({{schema, name}, key, object, {}});
          break;
        case 'v':
          snapshot_.views.insert(key);
          // pum leaves out the views whose name is LIKE 'vw_export_%' (TEKSI modules' exports).
          if (views && !sql_like(name, "vw_export_%")) {
            view_row(Kind::views, {schema, name, at(r, i, 3)}, key, object, oid);
          }
          break;
        case 'm':
          if (matviews)
            view_row(Kind::materialized_views, {schema, name, at(r, i, 3)}, key, object, oid);
          break;
        case 'S': {
          // A sequence owned by a column belongs to that column's table.
          std::string owner = r.is_null(i, 4) ? key : relation_key(text(r, i, 4), text(r, i, 5));
          rows(Kind::sequences).push_back({{name, schema}, owner, object, {}});
          break;
        }
        default:
          break;
      }
    }
  }

  void view_row(Kind kind, std::vector<Value> values, const std::string& key,
                const std::string& object, std::uint32_t oid) {
    auto& out = rows(kind);
    Row row{std::move(values), key, object, {}};
    if (fingerprints_ && row.values[2]) {
      trees_.push_back({kind, out.size(), oid, std::move(*row.values[2]), {}});
      row.values[2] = std::nullopt;
      row.deferred = oid;
    }
    out.push_back(std::move(row));
  }

  void columns() {
    db::Result r = run(sql::kColumns);
    auto& out = rows(Kind::columns);
    out.reserve(static_cast<std::size_t>(r.rows()));
    // data_type is printed once per type (format_type), not once per column.
    std::map<Oid32, Value> data_types;
    for (int i = 0; i < r.rows(); ++i)
      data_types.emplace(to_int<Oid32>(r.text(i, 5)), std::nullopt);
    if (!data_types.empty()) {
      std::string oids = "{";
      for (const auto& [oid, name] : data_types) {
        if (oids.size() > 1) oids += ',';
        oids += std::to_string(oid);
      }
      oids += '}';
      db::Result types = conn_.query(sql::kDataTypes, {oids});
      for (int i = 0; i < types.rows(); ++i) {
        data_types[to_int<Oid32>(types.text(i, 0))] = at(types, i, 1);
      }
    }
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), table = text(r, i, 1), column = text(r, i, 2);
      auto type = to_int<Oid32>(r.text(i, 5));
      int typmod = to_int<int>(r.text(i, 6));
      out.push_back(
          {{schema, table, column, at(r, i, 3), r.boolean(i, 4) ? "NO" : "YES", data_types[type],
            character_maximum_length(type, typmod), numeric_precision(type, typmod),
            numeric_precision_radix(type, typmod), datetime_precision(type, typmod)},
           relation_key(schema, table),
           dotted(schema, table),
           column});
    }
  }

  void constraints() {
    db::Result r =
        run(sql::versioned(sql::kConstraints, snapshot_.server_version_num), {flag(fingerprints_)});
    auto& out = rows(Kind::constraints);
    // Per fingerprinted constraint: its rows, and its key columns in key order.
    std::map<std::uint32_t, std::vector<std::size_t>> members;
    std::map<std::uint32_t, std::vector<std::pair<int, std::string>>> keys;
    std::map<std::uint32_t, std::string> base;
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), table = text(r, i, 1), name = text(r, i, 2);
      char type = r.text(i, 3).empty() ? ' ' : r.text(i, 3)[0];
      Value column = at(r, i, 5);
      Row row{{}, relation_key(schema, table), dotted(schema, table), name};
      if (type == 'c') {
        row.values = {name, dotted(schema, table), schema, table, "", "", "", "CHECK", at(r, i, 4)};
      } else {
        Value full = column ? Value(dotted(dotted(schema, table), *column)) : std::nullopt;
        const char* type_name = type == 'p'   ? "PRIMARY KEY"
                                : type == 'u' ? "UNIQUE"
                                : type == 'f' ? "FOREIGN KEY"
                                              : "EXCLUDE";
        // As information_schema.constraint_column_usage: a key references its own columns.
        Value foreign_table = type == 'f' ? at(r, i, 7) : Value(table);
        Value foreign_column = type == 'f' ? at(r, i, 8) : column;
        row.values = {name,          full,           schema,    table,      column,
                      foreign_table, foreign_column, type_name, at(r, i, 4)};
      }
      if (r.is_null(i, 4)) {  // fingerprinted
        auto oid = to_int<std::uint32_t>(r.text(i, 9));
        row.deferred = oid;
        members[oid].push_back(out.size());
        base.emplace(oid, text(r, i, 12));
        if (type == 'c') {
          trees_.push_back({Kind::constraints, out.size(), oid, text(r, i, 11), {}});
        } else {
          keys[oid].emplace_back(to_int<int>(r.text(i, 10)), text(r, i, 5) + "=" + text(r, i, 8));
        }
      }
      out.push_back(std::move(row));
    }
    const std::size_t column = deferred_column(Kind::constraints);
    for (auto& [oid, key_columns] : keys) {
      std::sort(key_columns.begin(), key_columns.end());
      std::vector<std::string> parts{base[oid]};
      for (auto& [ord, names] : key_columns) parts.push_back(std::move(names));
      std::string fingerprint = make_fingerprint(parts);
      for (std::size_t index : members[oid]) out[index].values[column] = fingerprint;
    }
    for (auto& pending : trees_) {
      if (pending.kind == Kind::constraints) pending.parts.push_back(base[pending.owner]);
    }
  }

  // The references of the stored trees (views' rules, CHECK constraints), then their
  // fingerprints.
  void tree_fingerprints() {
    bool rules = false, checks = false;
    for (const auto& pending : trees_) {
      (pending.kind == Kind::constraints ? checks : rules) = true;
    }
    db::Result r = run(sql::kTreeDependencies, {flag(rules), flag(checks)});
    std::map<std::uint32_t, TreeReferences> references;
    for (int i = 0; i < r.rows(); ++i) {
      auto owner = to_int<std::uint32_t>(r.text(i, 0));
      auto oid = to_int<std::uint32_t>(r.text(i, 1));
      TreeReferences& refs = references[owner];
      refs.objects.emplace(oid, text(r, i, 3));
      if (r.text(i, 2) != "0") {
        refs.columns.push_back(text(r, i, 3) + "#" + text(r, i, 2) + "=" + text(r, i, 4));
      }
    }
    static const TreeReferences kNone;
    for (auto& pending : trees_) {
      auto found = references.find(pending.owner);
      pending.parts.push_back(
          tree_fingerprint(pending.tree, found != references.end() ? found->second : kNone));
      rows(pending.kind)[pending.index].values[deferred_column(pending.kind)] =
          make_fingerprint(pending.parts);
    }
    trees_.clear();
  }

  void indexes() {
    db::Result r =
        run(sql::versioned(sql::kIndexes, snapshot_.server_version_num), {flag(fingerprints_)});
    auto& out = rows(Kind::indexes);
    std::map<std::uint32_t, std::vector<std::size_t>> members;
    std::map<std::uint32_t, std::vector<std::pair<int, std::string>>> columns;
    std::map<std::uint32_t, std::string> base;
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), table = text(r, i, 1), index = text(r, i, 2);
      Row row{{schema, table, index, at(r, i, 3), at(r, i, 4)},
              relation_key(schema, table),
              dotted(schema, table),
              index};
      if (r.is_null(i, 4)) {
        auto oid = to_int<std::uint32_t>(r.text(i, 5));
        row.deferred = oid;
        members[oid].push_back(out.size());
        base.emplace(oid, text(r, i, 7));
        columns[oid].emplace_back(to_int<int>(r.text(i, 6)), text(r, i, 3) + " " + text(r, i, 8));
      }
      out.push_back(std::move(row));
    }
    const std::size_t column = deferred_column(Kind::indexes);
    for (auto& [oid, index_columns] : columns) {
      std::sort(index_columns.begin(), index_columns.end());
      std::vector<std::string> parts{base[oid]};
      for (auto& [ord, description] : index_columns) parts.push_back(std::move(description));
      std::string fingerprint = make_fingerprint(parts);
      for (std::size_t index : members[oid]) out[index].values[column] = fingerprint;
    }
  }

  void triggers() {
    db::Result r = run(sql::kTriggers, {flag(fingerprints_)});
    auto& out = rows(Kind::triggers);
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), table = text(r, i, 1), trigger = text(r, i, 2);
      Row row{{schema, table, trigger, at(r, i, 3), at(r, i, 4)},
              relation_key(schema, table),
              dotted(schema, table),
              trigger};
      if (r.is_null(i, 4)) {
        row.deferred = to_int<std::uint32_t>(r.text(i, 5));
        row.values[4] = make_fingerprint({text(r, i, 6)});
      }
      out.push_back(std::move(row));
    }
  }

  void functions() {
    db::Result r = run(sql::kFunctions);
    auto& out = rows(Kind::functions);
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), name = text(r, i, 1);
      out.push_back({{schema, name, at(r, i, 2), at(r, i, 3)},
                     {},
                     dotted(schema, name),
                     name + "(" + text(r, i, 4) + ")"});
    }
  }

  void rules() {
    db::Result r = run(sql::kRules);
    auto& out = rows(Kind::rules);
    for (int i = 0; i < r.rows(); ++i) {
      std::string schema = text(r, i, 0), table = text(r, i, 1), rule = text(r, i, 2);
      out.push_back({{schema, table, rule, at(r, i, 3)},
                     relation_key(schema, table),
                     dotted(schema, table),
                     rule});
    }
  }

  db::Connection& conn_;
  const ReadOptions& options_;
  CatalogQuery query_;
  bool fingerprints_ = false;
  std::vector<PendingTree> trees_;
  Snapshot snapshot_;
};

}  // namespace

std::string text_array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

Snapshot read_snapshot(db::Connection& conn, const ReadOptions& options) {
  return Reader(conn, options).read();
}

std::map<std::uint32_t, Value> resolve_definitions(db::Connection& conn, Kind kind,
                                                   const std::vector<std::uint32_t>& oids) {
  std::map<std::uint32_t, Value> out;
  if (oids.empty()) return out;
  std::string_view query = kind == Kind::indexes       ? sql::kResolveIndexes
                           : kind == Kind::constraints ? sql::kResolveConstraints
                           : kind == Kind::triggers    ? sql::kResolveTriggers
                                                       : sql::kResolveViews;
  std::string array = "{";
  for (std::size_t i = 0; i < oids.size(); ++i) {
    if (i > 0) array += ',';
    array += std::to_string(oids[i]);
  }
  array += '}';
  db::Result r = conn.query(query, {array});
  for (int i = 0; i < r.rows(); ++i) {
    out.emplace(to_int<std::uint32_t>(r.text(i, 0)), r.optional_text(i, 1));
  }
  return out;
}

void end_snapshot(db::Connection& conn) { conn.exec(sql::kEndSnapshot); }

}  // namespace pum::check
