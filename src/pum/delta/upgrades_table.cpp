#include "pum/delta/upgrades_table.hpp"

#include <fmt/format.h>

#include <charconv>

#include "pum/delta/delta_name.hpp"
#include "pum/util/error.hpp"

namespace pum::delta {

namespace {

// Space of the advisory locks of this layout: "pum0" (pum 1.x runs use 0x70756d, "pum").
constexpr std::int32_t kLockSpace = 0x70756d30;

std::int32_t fnv1a_31(std::string_view text) {
  std::uint32_t hash = 2166136261U;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619U;
  }
  return static_cast<std::int32_t>(hash & 0x7fffffffU);
}

int to_int(std::string_view text) {
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

TableName TableName::parse(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size()) {
    throw usage_error(fmt::format(
        "the upgrades table must be given as schema.name (e.g. public.pum), not '{}'", text));
  }
  return {text.substr(0, dot), text.substr(dot + 1)};
}

std::string row_key(const std::string& normalised_version, const std::string& description,
                    int type) {
  if (type == kTypeBaseline) return {};
  return fmt::format("{}|{}|{}", normalised_version, description, type);
}

UpgradesTable::UpgradesTable(db::Connection& conn, TableName table)
    : conn_(conn), table_(std::move(table)) {}

std::string UpgradesTable::qualified() const {
  return conn_.quote_ident(table_.schema) + "." + conn_.quote_ident(table_.name);
}

bool UpgradesTable::exists() {
  auto result = conn_.query_one_row(
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid "
      "= c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p'))",
      {table_.schema, table_.name});
  return result.boolean(0, 0);
}

void UpgradesTable::create() {
  // The table exactly as pum 0.9.14 / 0.10.0 creates it.
  conn_.exec(
      fmt::format("CREATE SCHEMA IF NOT EXISTS {};\n"
                  "CREATE TABLE IF NOT EXISTS {}\n"
                  "(\n"
                  "id serial NOT NULL,\n"
                  "version character varying(50) NOT NULL,\n"
                  "description character varying(200) NOT NULL,\n"
                  "type integer NOT NULL,\n"
                  "script character varying(1000) NOT NULL,\n"
                  "checksum character varying(32) NOT NULL,\n"
                  "installed_by character varying(100) NOT NULL,\n"
                  "installed_on timestamp without time zone NOT NULL DEFAULT now(),\n"
                  "execution_time integer NOT NULL,\n"
                  "success boolean NOT NULL,\n"
                  "PRIMARY KEY (id),\n"
                  "EXCLUDE (version WITH =) WHERE (type = 0)\n"
                  ")",
                  conn_.quote_ident(table_.schema), qualified()));
}

std::vector<layout::AppliedMigration> UpgradesTable::read() {
  auto result = conn_.exec(fmt::format(
      "SELECT version, description, type, checksum, success, installed_by, installed_on::text, "
      "execution_time FROM {} ORDER BY id",
      qualified()));
  std::vector<layout::AppliedMigration> out;
  out.reserve(static_cast<std::size_t>(result.rows()));
  for (int r = 0; r < result.rows(); ++r) {
    layout::AppliedMigration row;
    row.version_text = std::string(result.text(r, 0));
    auto version = Version::parse(row.version_text);
    if (!version) {
      throw Error(fmt::format("{} holds a version that is not a version: '{}'", display_name(),
                              row.version_text))
          .hint("fix or delete that row by hand; pum 0.x records versions as X.Y.Z");
    }
    row.version = *version;
    row.name = std::string(result.text(r, 1));
    const int type = to_int(result.text(r, 2));
    row.kind = kind_of_type(type);
    row.baseline = type == kTypeBaseline;
    row.key = row_key(version->str(), row.name, type);
    row.checksum = std::string(result.text(r, 3));
    row.success = result.boolean(r, 4);
    row.applied_by = std::string(result.text(r, 5));
    row.applied_at = std::string(result.text(r, 6));
    row.execution_ms = to_int(result.text(r, 7));
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<UpgradeRow> UpgradesTable::rows() {
  // No ORDER BY, as pum 0.x's info; id order is what the server returns for this table in
  // practice and what we promise.
  auto result = conn_.exec(fmt::format(
      "SELECT version, description, type, installed_by, installed_on::text, success FROM {} "
      "ORDER BY id",
      qualified()));
  std::vector<UpgradeRow> out;
  for (int r = 0; r < result.rows(); ++r) {
    out.push_back({std::string(result.text(r, 0)), std::string(result.text(r, 1)),
                   to_int(result.text(r, 2)), std::string(result.text(r, 3)),
                   std::string(result.text(r, 4)), result.boolean(r, 5)});
  }
  return out;
}

std::string UpgradesTable::record_sql(const layout::Record& record) const {
  std::string version = record.version.str();
  std::string description = "baseline";
  int type = kTypeBaseline;
  std::string script;
  std::string checksum;
  if (record.migration != nullptr) {
    const Migration& m = *record.migration;
    auto name = parse_delta_name(m.label);
    if (!name) throw Error(fmt::format("{} is not a delta file name", m.label));
    version = name->version_text;
    description = name->name;
    type = name->type;
    script = m.display;
    checksum = m.checksum;
  }
  // installed_by: pum 0.x writes the user it connected as (session_user, whatever SET ROLE a
  // delta ran); execution_time: pum 0.x always writes 1.
  return fmt::format(
      "INSERT INTO {} (version, description, type, script, checksum, installed_by, "
      "execution_time, success) VALUES ({}, {}, {}, {}, {}, session_user, 1, TRUE)",
      qualified(), conn_.quote_literal(version), conn_.quote_literal(description), type,
      conn_.quote_literal(script), conn_.quote_literal(checksum));
}

std::string UpgradesTable::unrecord_sql(const layout::AppliedMigration& row) const {
  int type = kTypeBaseline;
  if (!row.baseline) {
    type = row.kind.ends_with("py") ? kTypePython : kTypeSql;
    if (row.kind.starts_with("pre.")) type |= kTypePre;
    if (row.kind.starts_with("post.")) type |= kTypePost;
  }
  return fmt::format(
      "UPDATE {} SET success = FALSE WHERE version = {} AND description = {} AND type = {} AND "
      "success",
      qualified(), conn_.quote_literal(row.version_text), conn_.quote_literal(row.name), type);
}

layout::LockSpec UpgradesTable::lock() const {
  layout::LockSpec spec;
  spec.two_keys = true;
  spec.key1 = kLockSpace;
  spec.key2 = fnv1a_31(table_.display());
  spec.session = true;
  spec.what = table_.display();
  return spec;
}

}  // namespace pum::delta
