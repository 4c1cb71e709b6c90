#include "pum/check/kinds.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace pum::check {

namespace {

constexpr std::array<std::string_view, 2> kTables = {"table_schema", "table_name"};
constexpr std::array<std::string_view, 10> kColumns = {"table_schema",
                                                       "table_name",
                                                       "column_name",
                                                       "column_default",
                                                       "is_nullable",
                                                       "data_type",
                                                       "character_maximum_length",
                                                       "numeric_precision",
                                                       "numeric_precision_radix",
                                                       "datetime_precision"};
constexpr std::array<std::string_view, 9> kConstraints = {
    "constraint_name",     "physical_full_name", "constraint_schema",
    "table_name",          "column_name",        "foreign_table_name",
    "foreign_column_name", "constraint_type",    "constraint_definition"};
// pum selects REPLACE(view_definition, '"', ''), which psycopg names "replace".
constexpr std::array<std::string_view, 3> kViews = {"table_schema", "table_name", "replace"};
constexpr std::array<std::string_view, 2> kSequences = {"relname", "schema_name"};
constexpr std::array<std::string_view, 5> kIndexes = {"schema_name", "table_name", "index_name",
                                                      "column_name", "index_definition"};
// pum compares the trigger function's source only; trigger_definition (timing, events, table,
// condition) is ours.
constexpr std::array<std::string_view, 5> kTriggers = {"schema_name", "relname", "tgname", "prosrc",
                                                       "trigger_definition"};
constexpr std::array<std::string_view, 4> kFunctions = {"routine_schema", "routine_name",
                                                        "data_type", "routine_definition"};
constexpr std::array<std::string_view, 4> kRules = {"rule_schema", "rule_table", "rule_name",
                                                    "rule_event"};
constexpr std::array<std::string_view, 4> kTypes = {"type_schema", "type_name", "type_kind",
                                                    "type_definition"};
constexpr std::array<std::string_view, 3> kEnums = {"enum_schema", "enum_name", "enum_labels"};
constexpr std::array<std::string_view, 3> kExtensions = {"extension_name", "extension_version",
                                                         "extension_schema"};
constexpr std::array<std::string_view, 8> kPolicies = {
    "schema_name", "table_name", "policy_name",      "command",
    "permissive",  "roles",      "using_expression", "check_expression"};
constexpr std::array<std::string_view, 3> kMaterializedViews = {"schema_name", "view_name",
                                                                "view_definition"};
constexpr std::array<std::string_view, 5> kPrivileges = {"object_type", "schema_name",
                                                         "object_name", "grantee", "privileges"};
constexpr std::array<std::string_view, 4> kComments = {"object_type", "schema_name", "object_name",
                                                       "comment"};
constexpr std::array<std::string_view, 4> kOwnership = {"object_type", "schema_name", "object_name",
                                                        "owner"};

const std::array<KindInfo, 17> kKinds = {{
    {Kind::tables, "tables", "Tables", false, kTables, false},
    {Kind::columns, "columns", "Columns", false, kColumns, false},
    {Kind::constraints, "constraints", "Constraints", false, kConstraints, true},
    {Kind::views, "views", "Views", false, kViews, false},
    {Kind::sequences, "sequences", "Sequences", false, kSequences, true},
    {Kind::indexes, "indexes", "Indexes", false, kIndexes, true},
    {Kind::triggers, "triggers", "Triggers", false, kTriggers, false},
    {Kind::functions, "functions", "Functions", false, kFunctions, false},
    {Kind::rules, "rules", "Rules", false, kRules, false},
    {Kind::types, "types", "Types", true, kTypes, false},
    {Kind::enums, "enums", "Enums", true, kEnums, false},
    {Kind::extensions, "extensions", "Extensions", true, kExtensions, false},
    {Kind::policies, "policies", "Policies", true, kPolicies, false},
    {Kind::materialized_views, "materialized_views", "Materialized views", true, kMaterializedViews,
     false},
    {Kind::privileges, "privileges", "Privileges", true, kPrivileges, false},
    {Kind::comments, "comments", "Comments", true, kComments, false},
    {Kind::ownership, "ownership", "Ownership", true, kOwnership, false},
}};

}  // namespace

std::span<const KindInfo> all_kinds() { return kKinds; }

const KindInfo& info(Kind kind) { return kKinds.at(static_cast<std::size_t>(kind)); }

std::optional<Kind> kind_from_key(std::string_view key) {
  for (const auto& k : kKinds) {
    if (k.key == key) return k.kind;
  }
  return std::nullopt;
}

std::vector<std::string> check_keys() {
  std::vector<std::string> keys;
  for (const auto& k : kKinds) {
    if (!k.extra) keys.emplace_back(k.key);
  }
  return keys;
}

std::vector<std::string> extra_keys() {
  std::vector<std::string> keys;
  for (const auto& k : kKinds) {
    if (k.extra) keys.emplace_back(k.key);
  }
  keys.emplace_back("all");
  return keys;
}

std::size_t column_index(Kind kind, std::string_view column) {
  const auto& columns = info(kind).columns;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return i;
  }
  throw std::logic_error("check: kind " + std::string(info(kind).key) + " has no column " +
                         std::string(column));
}

std::size_t deferred_column(Kind kind) {
  switch (kind) {
    case Kind::views:
      return column_index(kind, "replace");
    case Kind::materialized_views:
      return column_index(kind, "view_definition");
    case Kind::indexes:
      return column_index(kind, "index_definition");
    case Kind::constraints:
      return column_index(kind, "constraint_definition");
    case Kind::triggers:
      return column_index(kind, "trigger_definition");
    default:
      return std::string_view::npos;
  }
}

}  // namespace pum::check
