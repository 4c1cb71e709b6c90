#include "pum/check/compare.hpp"

#include <gtest/gtest.h>

#include "pum/check/python_repr.hpp"
#include "pum/util/error.hpp"

namespace pum::check {
namespace {

Row table(const std::string& schema, const std::string& name) {
  return {{schema, name}, relation_key(schema, name), schema + "." + name, {}};
}

Row column(const std::string& table, const std::string& name, const std::string& type) {
  return {{std::string("s"), table, name, std::nullopt, std::string("YES"), type, std::nullopt,
           std::nullopt, std::nullopt, std::nullopt},
          relation_key("s", table),
          "s." + table,
          name};
}

Row index(const std::string& table, const std::string& name, const std::string& definition) {
  return {{std::string("s"), table, name, std::string("a"), definition},
          relation_key("s", table),
          "s." + table,
          name};
}

// The report's rows of one check as "- {...}" / "+ {...}" lines.
std::vector<std::string> lines(const CheckResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.differences) {
    out.push_back((d.type == DiffType::removed ? "- " : "+ ") +
                  python_dict(info(result.kind), d.row));
  }
  return out;
}

CheckResult only(const Snapshot& a, const Snapshot& b, Kind kind, CompareOptions options = {},
                 const Resolver& resolver = {}) {
  options.kinds = {kind};
  auto results = compare(a, b, options, resolver);
  EXPECT_EQ(results.size(), 1U);
  return results.at(0);
}

TEST(Compare, RowsOnlyInTheFirstAreRemovedThenAddedEachSorted) {
  Snapshot a, b;
  a.rows[Kind::tables] = {table("s", "b"), table("s", "same"), table("s", "a")};
  b.rows[Kind::tables] = {table("s", "same"), table("s", "d"), table("s", "c")};
  EXPECT_EQ(lines(only(a, b, Kind::tables)),
            (std::vector<std::string>{"- {'table_schema': 's', 'table_name': 'a'}",
                                      "- {'table_schema': 's', 'table_name': 'b'}",
                                      "+ {'table_schema': 's', 'table_name': 'c'}",
                                      "+ {'table_schema': 's', 'table_name': 'd'}"}));
  EXPECT_TRUE(only(a, a, Kind::tables).passed());
}

TEST(Compare, NullDiffersFromEmptyText) {
  Snapshot a, b;
  a.rows[Kind::sequences] = {{{std::string("n"), std::nullopt}, {}, {}, {}}};
  b.rows[Kind::sequences] = {{{std::string("n"), std::string("")}, {}, {}, {}}};
  EXPECT_EQ(only(a, b, Kind::sequences).differences.size(), 2U);
}

TEST(Compare, DuplicateRowsAreReportedOnce) {
  Snapshot a, b;
  Row f{{std::string("s"), std::string("f"), std::string("integer"), std::string("def")},
        {},
        "s.f",
        "f(integer, integer)"};
  a.rows[Kind::functions] = {f, f};
  EXPECT_EQ(lines(only(a, b, Kind::functions)).size(), 1U);
}

TEST(Compare, ColumnsConstraintsAndIndexesOfTablesInBothDatabasesOnly) {
  Snapshot a, b;
  a.tables = {relation_key("s", "both"), relation_key("s", "first_only")};
  b.tables = {relation_key("s", "both")};
  a.rows[Kind::columns] = {column("both", "x", "integer"), column("first_only", "y", "text")};
  b.rows[Kind::columns] = {column("both", "x", "bigint")};
  a.rows[Kind::indexes] = {index("first_only", "i", "CREATE INDEX i ON s.first_only")};
  auto columns = lines(only(a, b, Kind::columns));
  ASSERT_EQ(columns.size(), 2U);
  EXPECT_NE(columns[0].find("'integer'"), std::string::npos);
  EXPECT_NE(columns[1].find("'bigint'"), std::string::npos);
  EXPECT_TRUE(only(a, b, Kind::indexes).passed());
}

TEST(Compare, ViewColumnsCountUnlessViewsAreIgnored) {
  Snapshot a, b;
  a.views = b.views = {relation_key("s", "v")};
  a.rows[Kind::columns] = {column("v", "x", "integer")};
  CompareOptions options;
  options.kinds = {Kind::columns, Kind::views};
  EXPECT_FALSE(compare(a, b, options)[0].passed());
  options.kinds = {Kind::columns};
  EXPECT_TRUE(compare(a, b, options)[0].passed());
}

TEST(Compare, ExcludeFieldPatternsAreLikePatternsOnColumnNames) {
  Snapshot a, b;
  a.tables = b.tables = {relation_key("s", "t")};
  a.rows[Kind::columns] = {column("t", "last_modified", "timestamp"), column("t", "geom", "x")};
  CompareOptions options;
  options.exclude_field_patterns = {"%modified", "geo"};
  auto result = only(a, b, Kind::columns, options);
  ASSERT_EQ(result.differences.size(), 1U);
  EXPECT_EQ(result.differences[0].row.item, "geom");
}

TEST(Compare, ExcludedRelationsAreLeftOutOfEveryKind) {
  Snapshot a, b;
  a.tables = b.tables = {relation_key("public", "pum_migrations")};
  a.rows[Kind::tables] = {table("public", "pum_migrations")};
  a.rows[Kind::sequences] = {{{std::string("pum_migrations_id_seq"), std::string("public")},
                              relation_key("public", "pum_migrations"),
                              "public.pum_migrations_id_seq",
                              {}}};
  CompareOptions options;
  options.exclude_relations = {relation_key("public", "pum_migrations")};
  EXPECT_TRUE(only(a, b, Kind::tables, options).passed());
  EXPECT_TRUE(only(a, b, Kind::sequences, options).passed());
}

TEST(Compare, GeneratedNameNumbersDoNotMatter) {
  Snapshot a, b;
  a.tables = b.tables = {relation_key("s", "t")};
  a.rows[Kind::indexes] = {
      index("t", "t_a_idx", "CREATE INDEX t_a_idx ON s.t USING btree (a)"),
      index("t", "t_a_idx1", "CREATE INDEX t_a_idx1 ON s.t USING btree (a) WHERE (b > 0)")};
  b.rows[Kind::indexes] = {
      index("t", "t_a_idx", "CREATE INDEX t_a_idx ON s.t USING btree (a) WHERE (b > 0)"),
      index("t", "t_a_idx1", "CREATE INDEX t_a_idx1 ON s.t USING btree (a)")};
  EXPECT_TRUE(only(a, b, Kind::indexes).passed());
  // ... but a missing one is still missing, shown with its real name.
  b.rows[Kind::indexes].pop_back();
  auto result = lines(only(a, b, Kind::indexes));
  ASSERT_EQ(result.size(), 1U);
  EXPECT_EQ(result[0],
            "- {'schema_name': 's', 'table_name': 't', 'index_name': 't_a_idx', 'column_name': "
            "'a', 'index_definition': 'CREATE INDEX t_a_idx ON s.t USING btree (a)'}");
}

// Views by fingerprint: equal fingerprints match without the resolver; different ones are
// resolved and compared by definition.
Row view(const std::string& name, const std::string& value, std::uint32_t deferred) {
  Row row{{std::string("s"), name, value}, relation_key("s", name), "s." + name, {}};
  row.deferred = deferred;
  return row;
}

TEST(CompareFingerprints, EqualFingerprintsNeedNoDefinitions) {
  Snapshot a, b;
  a.fingerprints = b.fingerprints = true;
  a.server_version_num = b.server_version_num = 150004;
  a.rows[Kind::views] = {view("v", "\x01tree", 100)};
  b.rows[Kind::views] = {view("v", "\x01tree", 200)};
  EXPECT_TRUE(only(a, b, Kind::views).passed());  // no resolver needed
}

TEST(CompareFingerprints, DifferentFingerprintsAreComparedByDefinition) {
  Snapshot a, b;
  a.fingerprints = b.fingerprints = true;
  a.server_version_num = b.server_version_num = 150004;
  a.rows[Kind::views] = {view("v", "\x01tree-a", 100), view("w", "\x01same", 101)};
  b.rows[Kind::views] = {view("v", "\x01tree-b", 200), view("w", "\x01same", 201)};
  int calls = 0;
  auto resolver = [&](DefinitionRequests& requests) {
    ++calls;
    EXPECT_EQ(requests.first[Kind::views].size(), 1U);  // w matched by fingerprint
    EXPECT_EQ(requests.first[Kind::views].count(100), 1U);
    requests.first[Kind::views][100] = std::string(" SELECT 1;");
    requests.second[Kind::views][200] = std::string(" SELECT 1;");
  };
  EXPECT_TRUE(only(a, b, Kind::views, {}, resolver).passed());
  EXPECT_EQ(calls, 1);

  auto differing = [&](DefinitionRequests& requests) {
    requests.first[Kind::views][100] = std::string(" SELECT 1;");
    requests.second[Kind::views][200] = std::string(" SELECT 2;");
  };
  EXPECT_EQ(lines(only(a, b, Kind::views, {}, differing)),
            (std::vector<std::string>{
                "- {'table_schema': 's', 'table_name': 'v', 'replace': ' SELECT 1;'}",
                "+ {'table_schema': 's', 'table_name': 'v', 'replace': ' SELECT 2;'}"}));
}

TEST(CompareFingerprints, OtherServerVersionsResolveEverything) {
  Snapshot a, b;
  a.fingerprints = b.fingerprints = true;
  a.server_version_num = 150004;
  b.server_version_num = 160001;
  a.rows[Kind::views] = {view("v", "\x01same", 100)};
  b.rows[Kind::views] = {view("v", "\x01same", 200)};
  auto resolver = [&](DefinitionRequests& requests) {
    requests.first[Kind::views][100] = std::string(" SELECT 1;");
    requests.second[Kind::views][200] = std::string(" SELECT 1::integer;");
  };
  EXPECT_FALSE(only(a, b, Kind::views, {}, resolver).passed());
}

TEST(CompareFingerprints, AResolverIsRequiredWhenNeeded) {
  Snapshot a, b;
  a.fingerprints = b.fingerprints = true;
  a.rows[Kind::views] = {view("v", "\x01x", 100)};
  EXPECT_THROW(only(a, b, Kind::views), std::logic_error);
}

TEST(SelectKinds, NineChecksMinusIgnoredPlusIncluded) {
  EXPECT_EQ(select_kinds({}, {}).size(), 9U);
  auto kinds = select_kinds({"tables", "rules"}, {"enums"});
  EXPECT_EQ(kinds,
            (std::vector<Kind>{Kind::columns, Kind::constraints, Kind::views, Kind::sequences,
                               Kind::indexes, Kind::triggers, Kind::functions, Kind::enums}));
  EXPECT_EQ(select_kinds({}, {"all"}).size(), 17U);
}

TEST(SelectKinds, UnknownKeysAreUsageErrors) {
  try {
    select_kinds({"types"}, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_EQ(e.message(),
              "-i/--ignore: unknown check 'types' (choose from tables, columns, constraints, "
              "views, sequences, indexes, triggers, functions, rules)");
  }
  EXPECT_THROW(select_kinds({}, {"tables"}), Error);
}

}  // namespace
}  // namespace pum::check
