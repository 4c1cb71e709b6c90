#include "pum/delta/variables.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

namespace pum::delta {
namespace {

std::string render_text(const std::string& text, const Variables& vars) {
  sql::Script script = sql::parse_script(SourceText("d/delta_1.0.0_x.sql", text));
  std::string out;
  for (const auto& st : script.statements) {
    if (!st.has_code) continue;
    if (!out.empty()) out += ";";
    out += render_pyformat(script, st, vars).sql;
  }
  return out;
}

TEST(Variables, LiteralsAsPsycopg2WritesThem) {
  EXPECT_EQ(int_literal("2056"), "2056");
  EXPECT_EQ(int_literal(" +007 "), "7");
  EXPECT_EQ(int_literal("-3"), " -3");
  EXPECT_EQ(int_literal("1_000"), "1000");
  EXPECT_EQ(int_literal("-0"), "0");
  EXPECT_EQ(int_literal("1.5"), "");
  EXPECT_EQ(int_literal("x"), "");
  EXPECT_EQ(int_literal("1__0"), "");
  EXPECT_EQ(float_literal("2056"), "2056.0");
  EXPECT_EQ(float_literal("0.1"), "0.1");
  EXPECT_EQ(float_literal("1e20"), "1e+20");
  EXPECT_EQ(float_literal("1.5e-5"), "1.5e-05");
  EXPECT_EQ(float_literal("0.0001"), "0.0001");
  EXPECT_EQ(float_literal("123456789012345678"), "1.2345678901234568e+17");
  EXPECT_EQ(float_literal("-2.5"), " -2.5");
  EXPECT_EQ(float_literal("nan"), "'NaN'::float");
  EXPECT_EQ(float_literal("-inf"), "'-Infinity'::float");
  EXPECT_EQ(float_literal("1e"), "");
  EXPECT_EQ(float_literal("."), "");
}

TEST(Variables, AddAndJson) {
  Variables vars;
  vars.add("int", "SRID", "2056");
  vars.add("string", "name", "it's \"q\"");
  vars.add("float", "f", "1");
  vars.add("whatever", "w", "a\\b");
  EXPECT_EQ(vars.find("SRID")->literal, "2056");
  EXPECT_EQ(vars.find("name")->literal, "'it''s \"q\"'");
  EXPECT_EQ(vars.find("w")->literal, "E'a\\\\b'");
  EXPECT_EQ(vars.json(),
            "{\"SRID\": 2056, \"name\": \"it's \\\"q\\\"\", \"f\": 1.0, \"w\": \"a\\\\b\"}");
  vars.add("int", "SRID", "2057");
  EXPECT_EQ(vars.items().size(), 4U);
  EXPECT_EQ(vars.find("SRID")->literal, "2057");
  try {
    vars.add("int", "x", "abc");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "variable x: invalid literal for int() with base 10: 'abc'");
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
}

TEST(RenderPyformat, SubstitutesEverywhereInTheStatement) {
  Variables vars;
  vars.add("int", "SRID", "2056");
  vars.add("string", "s", "x");
  EXPECT_EQ(
      render_text("-- lead\nSELECT ST_SetSRID(g, %(SRID)s), '100%%', %(s)s /* %(s)s */;\n", vars),
      "SELECT ST_SetSRID(g, 2056), '100%', 'x' /* 'x' */");
}

TEST(RenderPyformat, UnknownNameIsLocated) {
  Variables vars;
  vars.add("int", "SRID", "2056");
  try {
    render_text("SELECT 1;\nSELECT  %(srid)s;\n", vars);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "d/delta_1.0.0_x.sql:2:9: unknown variable %(srid)s");
  }
}

TEST(RenderPyformat, LonePercentIsAnError) {
  Variables vars;
  vars.add("int", "SRID", "2056");
  try {
    render_text("SELECT '100%';\n", vars);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "d/delta_1.0.0_x.sql:1:12: unsupported format character after %: '''");
  }
}

TEST(RenderPyformat, MapsBackToTheFile) {
  Variables vars;
  vars.add("string", "name", "a long value");
  sql::Script script = sql::parse_script(SourceText("f.sql", "SELECT %(name)s, nope FROM t;\n"));
  auto rendered = render_pyformat(script, script.statements[0], vars);
  EXPECT_EQ(rendered.sql, "SELECT 'a long value', nope FROM t");
  const auto at = rendered.sql.find("nope");
  EXPECT_EQ(rendered.map.to_source(at), std::string("SELECT %(name)s, nope").find("nope"));
}

}  // namespace
}  // namespace pum::delta
