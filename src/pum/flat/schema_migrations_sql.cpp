// All SQL of the flat layout's tracking table (pgdbm's schema_migrations) and its audit table.
#include <fmt/format.h>

#include <charconv>

#include "pum/db/transaction.hpp"
#include "pum/flat/flat_name.hpp"
#include "pum/flat/schema_migrations.hpp"
#include "pum/util/error.hpp"

namespace pum::flat {

namespace {

std::string folded(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<std::int64_t> to_int64(std::optional<std::string> text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  std::from_chars(text->data(), text->data() + text->size(), value);
  return value;
}

constexpr std::string_view kLockPrefix = "pgdbm_migration_";

}  // namespace

std::string default_module(const std::optional<std::string>& schema) {
  return schema && !schema->empty() ? *schema : std::string("default");
}

FlatTracking::FlatTracking(db::Connection& conn, TrackingOptions options)
    : conn_(conn), options_(std::move(options)) {
  if (options_.schema && !is_simple_identifier(*options_.schema)) {
    throw usage_error(fmt::format(
        "invalid schema name '{}': it must start with a letter or an underscore and hold only "
        "letters, digits and underscores (at most 63 characters)",
        *options_.schema));
  }
  if (!is_simple_identifier(options_.table)) {
    throw usage_error(fmt::format(
        "invalid migrations table name '{}': it must start with a letter or an underscore and "
        "hold only letters, digits and underscores (at most 63 characters)",
        options_.table));
  }
  module_ = options_.module.empty() ? default_module(options_.schema) : options_.module;
  schema_name_ = options_.schema ? folded(*options_.schema) : std::string("public");
  table_name_ = folded(options_.table);
}

std::string FlatTracking::display_name() const { return schema_name_ + "." + table_name_; }

std::string FlatTracking::audit_display_name() const {
  return schema_name_ + "." + table_name_ + "_audit";
}

std::string FlatTracking::qualified() const {
  return conn_.quote_ident(schema_name_) + "." + conn_.quote_ident(table_name_);
}

std::string FlatTracking::qualified_audit() const {
  return conn_.quote_ident(schema_name_) + "." + conn_.quote_ident(table_name_ + "_audit");
}

bool FlatTracking::exists() {
  auto result = conn_.query_one_row(
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid "
      "= c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p'))",
      {schema_name_, table_name_});
  return result.boolean(0, 0);
}

void FlatTracking::create() {
  // The table and the index exactly as pgdbm 0.4 creates them.
  conn_.exec(fmt::format(
      "CREATE SCHEMA IF NOT EXISTS {schema};\n"
      "CREATE TABLE IF NOT EXISTS {table} (\n"
      "    id SERIAL PRIMARY KEY,\n"
      "    filename VARCHAR(255) NOT NULL,\n"
      "    checksum VARCHAR(64) NOT NULL,\n"
      "    module_name VARCHAR(100),\n"
      "    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
      "    applied_by VARCHAR(100) DEFAULT CURRENT_USER,\n"
      "    execution_time_ms INTEGER,\n"
      "    UNIQUE(filename, module_name)\n"
      ");\n"
      "CREATE INDEX IF NOT EXISTS {index} ON {table}(module_name, filename)",
      fmt::arg("schema", conn_.quote_ident(schema_name_)), fmt::arg("table", qualified()),
      fmt::arg("index", conn_.quote_ident("idx_" + table_name_ + "_module"))));
}

std::vector<layout::AppliedMigration> FlatTracking::read() {
  auto result = conn_.query(
      fmt::format("SELECT filename, checksum, applied_at::text, applied_by, execution_time_ms, "
                  "module_name FROM {} WHERE module_name = $1 OR module_name IS NULL ORDER BY id",
                  qualified()),
      {module_});
  std::vector<layout::AppliedMigration> out;
  out.reserve(static_cast<std::size_t>(result.rows()));
  for (int r = 0; r < result.rows(); ++r) {
    layout::AppliedMigration row;
    row.key = std::string(result.text(r, 0));
    auto name = parse_flat_name(row.key);
    if (!name) {
      throw Error(fmt::format("{} records '{}', which is not a migration file name (expected {})",
                              display_name(), row.key, kAcceptedNames))
          .hint("rename the file and its row together, or delete the row if it records nothing");
    }
    row.version = name->version;
    row.version_text = name->number;
    row.name = row.key;
    row.checksum = std::string(result.text(r, 1));
    row.applied_at = std::string(result.text(r, 2));
    row.applied_by = result.optional_text(r, 3).value_or("");
    row.execution_ms = to_int64(result.optional_text(r, 4));
    row.module = result.optional_text(r, 5).value_or("");
    out.push_back(std::move(row));
  }
  return out;
}

std::string FlatTracking::record_sql(const layout::Record& record) const {
  if (record.migration == nullptr) {
    throw Error("the flat layout records no baseline: every file is recorded when it runs");
  }
  const Migration& m = *record.migration;
  const std::int64_t ms = record.execution_ms > 0 ? record.execution_ms : 1;
  return fmt::format(
      "INSERT INTO {} (filename, checksum, module_name, execution_time_ms) VALUES ({}, {}, {}, {})",
      qualified(), conn_.quote_literal(m.key), conn_.quote_literal(m.checksum),
      conn_.quote_literal(module_), ms);
}

std::string FlatTracking::unrecord_sql(const layout::AppliedMigration& row) const {
  return fmt::format(
      "DELETE FROM {} WHERE filename = {} AND module_name {}", qualified(),
      conn_.quote_literal(row.key),
      row.module.empty() ? std::string("IS NULL") : "= " + conn_.quote_literal(row.module));
}

layout::LockSpec FlatTracking::lock() const {
  if (!lock_key_) {
    // hashtext() returns int4; pg_advisory_lock(int4) resolves to the int8 function, which sees
    // the value sign-extended.
    auto result =
        conn_.query_one_row("SELECT hashtext($1)::int8", {std::string(kLockPrefix) + module_});
    lock_key_ = to_int64(std::string(result.text(0, 0)));
  }
  layout::LockSpec spec;
  spec.two_keys = false;
  spec.key = *lock_key_;
  spec.session = true;
  spec.what = fmt::format("{} (module {})", display_name(), module_);
  return spec;
}

std::vector<HistoryRow> FlatTracking::history(std::optional<int> limit) {
  std::string sql = fmt::format(
      "SELECT filename, module_name, applied_at::text, applied_by, execution_time_ms FROM {} "
      "WHERE module_name = $1 OR module_name IS NULL ORDER BY applied_at DESC, id DESC",
      qualified());
  db::Params params{module_};
  if (limit) {
    sql += " LIMIT $2";
    params.emplace_back(std::to_string(*limit));
  }
  auto result = conn_.query(sql, params);
  std::vector<HistoryRow> out;
  for (int r = 0; r < result.rows(); ++r) {
    out.push_back({std::string(result.text(r, 0)), result.optional_text(r, 1).value_or(""),
                   std::string(result.text(r, 2)), result.optional_text(r, 3).value_or(""),
                   to_int64(result.optional_text(r, 4))});
  }
  return out;
}

void FlatTracking::accept_checksum(const std::string& filename, const std::string& old_checksum,
                                   const std::string& new_checksum, const std::string& reason) {
  if (table_name_.size() + 6 > 63) {
    throw usage_error(fmt::format(
        "the audit table {}_audit would have a name longer than 63 characters", table_name_));
  }
  db::Transaction transaction(conn_);
  conn_.exec(
      fmt::format("CREATE TABLE IF NOT EXISTS {} (\n"
                  "    id SERIAL PRIMARY KEY,\n"
                  "    filename VARCHAR(255) NOT NULL,\n"
                  "    module_name VARCHAR(100),\n"
                  "    old_checksum VARCHAR(64) NOT NULL,\n"
                  "    new_checksum VARCHAR(64) NOT NULL,\n"
                  "    reason TEXT NOT NULL,\n"
                  "    accepted_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                  "    accepted_by VARCHAR(100) NOT NULL DEFAULT CURRENT_USER\n"
                  ")",
                  qualified_audit()));
  auto updated = conn_.query(
      fmt::format("UPDATE {} SET checksum = $4 WHERE filename = $1 AND (module_name = $2 OR "
                  "module_name IS NULL) AND checksum = $3 RETURNING module_name",
                  qualified()),
      {filename, module_, old_checksum, new_checksum});
  if (updated.rows() != 1) {
    throw Error(fmt::format("{} holds no row of module {} for {} with checksum {}", display_name(),
                            module_, filename, old_checksum));
  }
  conn_.query(fmt::format("INSERT INTO {} (filename, module_name, old_checksum, new_checksum, "
                          "reason) VALUES ($1, $2, $3, $4, $5)",
                          qualified_audit()),
              {filename, updated.optional_text(0, 0), old_checksum, new_checksum, reason});
  transaction.commit();
}

}  // namespace pum::flat
