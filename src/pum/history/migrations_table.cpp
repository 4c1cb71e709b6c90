#include "pum/history/migrations_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::history {

std::string pum_version_string() {
  return std::string(PUM_COMPAT_VERSION) + "+native." + PUM_VERSION;
}

namespace {

constexpr const char* kExists = R"SQL(
SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p'))SQL";

constexpr const char* kSchemasWithTable = R"SQL(
SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = 'pum_migrations' AND c.relkind IN ('r', 'p') AND n.nspname <> $1
ORDER BY 1)SQL";

// Column name -> type of our table, to tell the layouts apart.
constexpr const char* kColumns = R"SQL(
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = 'pum_migrations' AND a.attnum > 0 AND NOT a.attisdropped)SQL";

// Invalid UTF-8 (a file name in another encoding) is replaced rather than aborting the run.
std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

MigrationsTable::MigrationsTable(db::Connection& conn, std::string schema)
    : conn_(conn), schema_(std::move(schema)) {
  qualified_ = conn_.quote_ident(schema_) + ".pum_migrations";
}

std::string MigrationsTable::display_name() const { return schema_ + ".pum_migrations"; }

bool MigrationsTable::exists() { return conn_.query(kExists, {schema_}).rows() > 0; }

std::vector<std::string> MigrationsTable::all_schemas(db::Connection& conn) {
  // No schema is named '' : every one is listed.
  MigrationsTable none(conn, "");
  return none.other_schemas();
}

std::vector<std::string> MigrationsTable::other_schemas() {
  db::Result result = conn_.query(kSchemasWithTable, {schema_});
  std::vector<std::string> schemas;
  schemas.reserve(static_cast<std::size_t>(result.rows()));
  for (int i = 0; i < result.rows(); ++i) schemas.emplace_back(result.text(i, 0));
  return schemas;
}

int MigrationsTable::layout() {
  if (layout_ != 0) return layout_;
  db::Result result = conn_.query(kColumns, {schema_});
  bool has_pum_version = false;
  bool integer_layout_column = false;
  bool has_layout_column = false;
  for (int i = 0; i < result.rows(); ++i) {
    if (result.text(i, 0) == "pum_version") has_pum_version = true;
    if (result.text(i, 0) == "migration_table_version") {
      has_layout_column = true;
      integer_layout_column = result.text(i, 1) == "integer";
    }
  }
  for (const char* required : {"id", "date_installed", "module", "version", "beta_testing",
                               "changelog_files", "parameters"}) {
    bool found = false;
    for (int i = 0; i < result.rows() && !found; ++i) found = result.text(i, 0) == required;
    if (!found && has_layout_column) {
      throw Error(fmt::format("{} has no column '{}': it is not a pum migrations table of a known "
                              "layout",
                              display_name(), required))
          .hint(
              "restore the table from a backup, or repair it by hand to pum 1.8's layout "
              "(docs/manual.md, section 7)");
    }
  }
  if (!has_layout_column) {
    throw Error(fmt::format("{} is not a pum 1.x migrations table (it has no "
                            "migration_table_version column)",
                            display_name()))
        .hint(
            "a pum 0.x table is imported with: pum baseline --create-table -b <current version> "
            "in another schema, then upgrade --skip-baseline-check");
  }
  layout_ = has_pum_version ? 3 : (integer_layout_column ? 2 : 1);
  return layout_;
}

void MigrationsTable::create() {
  if (schema_ != "public") conn_.exec("CREATE SCHEMA IF NOT EXISTS " + conn_.quote_ident(schema_));
  conn_.exec(fmt::format(R"SQL(CREATE TABLE IF NOT EXISTS {0} (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  date_installed timestamp without time zone NOT NULL DEFAULT now(),
  module character varying(50) NOT NULL,
  version character varying(50) NOT NULL,
  beta_testing boolean NOT NULL DEFAULT false,
  changelog_files text[],
  parameters jsonb,
  migration_table_version integer NOT NULL DEFAULT {1},
  pum_version character varying(50) NOT NULL DEFAULT {2}
);
COMMENT ON TABLE {0} IS 'migration_table_version: {1}')SQL",
                         qualified_, kCurrentLayout, conn_.quote_literal(pum_version_string())));
  layout_ = kCurrentLayout;
}

void MigrationsTable::upgrade_layout(const std::string& module) {
  int from = layout();
  if (from >= kCurrentLayout) return;
  log::info("Upgrading {} from layout v{} to v{}", display_name(), from, kCurrentLayout);
  if (from == 1) {
    // v1 (pum 1.0-1.2): migration_table_version was varchar '2025.0' and module nullable.
    conn_.exec(
        fmt::format("UPDATE {0} SET module = {1} WHERE module IS NULL;\n"
                    "ALTER TABLE {0} ALTER COLUMN module SET NOT NULL;\n"
                    "ALTER TABLE {0} ALTER COLUMN migration_table_version DROP DEFAULT;\n"
                    "ALTER TABLE {0} ALTER COLUMN migration_table_version TYPE integer USING 1",
                    qualified_, conn_.quote_literal(module)));
  }
  conn_.exec(
      fmt::format("ALTER TABLE {0} ADD COLUMN IF NOT EXISTS pum_version character varying(50);\n"
                  "ALTER TABLE {0} ALTER COLUMN migration_table_version SET DEFAULT {1};\n"
                  "COMMENT ON TABLE {0} IS 'migration_table_version: {1}'",
                  qualified_, kCurrentLayout));
  layout_ = kCurrentLayout;
}

std::vector<MigrationRow> MigrationsTable::read_all() {
  int lay = layout();
  std::string pum_version_column = lay >= 3 ? "pum_version" : "NULL::text";
  std::string layout_column = lay >= 2 ? "migration_table_version::text" : "'1'";
  db::Result result = conn_.exec(fmt::format(
      "SELECT id::text, date_installed::text, coalesce(module, ''), version, beta_testing, "
      "coalesce(array_to_json(changelog_files)::text, '[]'), coalesce(parameters::text, '{{}}'), "
      "{}, {} FROM {}",
      layout_column, pum_version_column, qualified_));
  std::vector<MigrationRow> rows;
  rows.reserve(static_cast<std::size_t>(result.rows()));
  for (int i = 0; i < result.rows(); ++i) {
    MigrationRow row;
    row.id = result.text(i, 0);
    row.date_installed = result.text(i, 1);
    row.module = result.text(i, 2);
    row.version = result.text(i, 3);
    row.beta_testing = result.boolean(i, 4);
    for (const auto& f : nlohmann::json::parse(result.text(i, 5))) {
      row.changelog_files.push_back(f.get<std::string>());
    }
    row.parameters = nlohmann::json::parse(result.text(i, 6));
    row.migration_table_version = std::atoi(std::string(result.text(i, 7)).c_str());
    row.pum_version = result.optional_text(i, 8);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string MigrationsTable::insert_sql(const NewRow& row) const {
  // Literals, not parameters: the text is sent with other statements in one simple query.
  std::string files = "ARRAY[";
  for (std::size_t i = 0; i < row.changelog_files.size(); ++i) {
    if (i > 0) files += ", ";
    files += conn_.quote_literal(row.changelog_files[i]);
  }
  files += "]::text[]";
  return fmt::format(
      "INSERT INTO {} (module, version, beta_testing, changelog_files, parameters, "
      "migration_table_version, pum_version) VALUES ({}, {}, {}, {}, {}::jsonb, {}, {})",
      qualified_, conn_.quote_literal(row.module), conn_.quote_literal(row.version),
      row.beta_testing ? "true" : "false", files, conn_.quote_literal(dump(row.parameters)),
      kCurrentLayout, conn_.quote_literal(pum_version_string()));
}

void MigrationsTable::insert(const NewRow& row) { conn_.exec(insert_sql(row)); }

std::string MigrationsTable::delete_sql(const std::string& version) const {
  return fmt::format("DELETE FROM {} WHERE version = {}", qualified_, conn_.quote_literal(version));
}

}  // namespace pum::history
