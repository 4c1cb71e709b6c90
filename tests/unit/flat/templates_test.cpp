#include "pum/flat/templates.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::flat {
namespace {

struct Out {
  std::string sql;
  sql::Script script;
  sql::Rendered rendered;
};

Out render_first(const std::optional<std::string>& schema, const std::string& text) {
  sql::Script script = sql::parse_script(SourceText("m/001_x.sql", text));
  Templates templates(schema);
  sql::Rendered rendered = templates.render(script, script.statements.at(0));
  std::string out = rendered.sql;
  return {out, std::move(script), std::move(rendered)};
}

std::string render(const std::optional<std::string>& schema, const std::string& text) {
  return render_first(schema, text).sql;
}

TEST(Templates, WithSchema) {
  const std::optional<std::string> s = "app";
  EXPECT_EQ(render(s, "CREATE SCHEMA IF NOT EXISTS {{schema}}"),
            "CREATE SCHEMA IF NOT EXISTS \"app\"");
  EXPECT_EQ(render(s, "CREATE TABLE {{tables.users}} (id int)"),
            "CREATE TABLE \"app\".users (id int)");
  EXPECT_EQ(render(s, "SELECT * FROM {{tables.other.t}}"), "SELECT * FROM \"other\".t");
  EXPECT_EQ(render(s, "SELECT * FROM {{schema}}.t"), "SELECT * FROM \"app\".t");
}

TEST(Templates, WithoutSchema) {
  const std::optional<std::string> none;
  EXPECT_EQ(render(none, "SELECT * FROM {{schema}}.t"), "SELECT * FROM t");
  EXPECT_EQ(render(none, "SET search_path TO {{schema}}"), "SET search_path TO public");
  EXPECT_EQ(render(none, "CREATE TABLE {{tables.users}} (id int)"), "CREATE TABLE users (id int)");
  EXPECT_EQ(render(none, "SELECT * FROM {{tables.s2.t}}"), "SELECT * FROM \"s2\".t");
}

TEST(Templates, ReplacedInCommentsAndStrings) {
  const std::optional<std::string> s = "app";
  EXPECT_EQ(render(s, "SELECT '{{tables.t}}' -- {{schema}}\n, 1"),
            "SELECT '\"app\".t' -- \"app\"\n, 1");
}

TEST(Templates, SuccessivePassesAsPgdbm) {
  // Without a schema, "{{schema}}." goes first, which can leave a table template behind.
  EXPECT_EQ(render(std::nullopt, "SELECT {{tables.{{schema}}.t}}"), "SELECT t");
  EXPECT_EQ(render(std::string("app"), "SELECT {{tables.{{schema}}.t}}"),
            "SELECT {{tables.\"app\".t}}");
}

TEST(Templates, NotTemplatesLeftAlone) {
  const std::optional<std::string> s = "app";
  EXPECT_EQ(render(s, "SELECT '{{tables.a-b}}', '{{tables.}}', '{{other}}', '{x}'"),
            "SELECT '{{tables.a-b}}', '{{tables.}}', '{{other}}', '{x}'");
}

TEST(Templates, BadNameErrorLocation) {
  sql::Script script =
      sql::parse_script(SourceText("m/001_x.sql", "SELECT 1;\nSELECT *\n  FROM {{tables.1bad}}"));
  Templates templates(std::string("app"));
  try {
    (void)templates.render(script, script.statements.at(1));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "m/001_x.sql:3:8: invalid table name '1bad' in {{tables.1bad}}");
  }
  try {
    sql::Script other = sql::parse_script(
        SourceText("m/001_x.sql", "SELECT * FROM {{tables.s." + std::string(64, 'x') + "}}"));
    (void)templates.render(other, other.statements.at(0));
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().column, 15);
  }
}

TEST(Templates, BadSchemaRefused) {
  EXPECT_THROW(Templates(std::string("bad-name")), Error);
  EXPECT_THROW(Templates(std::string("1x")), Error);
}

TEST(Templates, OffsetsMapBack) {
  //                      0         1         2         3
  //                      0123456789012345678901234567890123456789
  const std::string text = "  INSERT INTO {{tables.t}} VALUES (1/0)";
  auto out = render_first(std::string("app"), text);
  EXPECT_EQ(out.sql, "INSERT INTO \"app\".t VALUES (1/0)");
  // "1/0" in the rendered text maps to "1/0" in the file.
  const std::size_t at = out.sql.find("1/0");
  EXPECT_EQ(out.rendered.map.to_source(at), text.find("1/0"));
  // Inside the generated name: the template's first brace.
  EXPECT_EQ(out.rendered.map.to_source(out.sql.find("app")), text.find("{{"));
  // Before the template.
  EXPECT_EQ(out.rendered.map.to_source(0), 2U);
}

TEST(Templates, OffsetsMapBackAfterRemovedSchema) {
  const std::string text = "SELECT * FROM {{schema}}.t WHERE x = 1/0";
  auto out = render_first(std::nullopt, text);
  EXPECT_EQ(out.sql, "SELECT * FROM t WHERE x = 1/0");
  EXPECT_EQ(out.rendered.map.to_source(out.sql.find("t WHERE")), text.find("t WHERE"));
  EXPECT_EQ(out.rendered.map.to_source(out.sql.find("1/0")), text.find("1/0"));
}

TEST(Templates, RenderText) {
  Templates templates(std::string("s"));
  EXPECT_EQ(templates.render_text("{{tables.a}} {{schema}}"), "\"s\".a \"s\"");
}

}  // namespace
}  // namespace pum::flat
