#include "pum/sql/render.hpp"

#include <gtest/gtest.h>

#include <string>

#include "pum/sql/placeholders.hpp"
#include "pum/util/error.hpp"

namespace pum::sql {
namespace {

const Parameters kParams = {
    {"SRID", std::int64_t{2056}},
    {"txt", std::string("it's a\\b")},
    {"plain", std::string("hello world")},
    {"neg", std::int64_t{-5}},
    {"negf", -1.5},
    {"yes", true},
    {"no", false},
    {"nothing", std::monostate{}},
    {"ratio", 0.1},
};

// The rendered text of every statement, joined by "|".
std::string render_all(const std::string& text, const Parameters& params = kParams) {
  Script script = parse_script(SourceText("r.sql", text));
  std::string out;
  for (const Statement& statement : script.statements) {
    if (!out.empty()) out += "|";
    out += render(script, statement, params).sql;
  }
  return out;
}

std::string render_error(const std::string& text) {
  try {
    render_all(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.hints().size(), 1U) << e.what();
    return e.what();
  }
  return "no error";
}

TEST(Render, SubstitutesLiterals) {
  EXPECT_EQ(render_all("CREATE TABLE t(g geometry(Point, {SRID}));"),
            "CREATE TABLE t(g geometry(Point, 2056))");
  EXPECT_EQ(render_all("SELECT {txt}, {plain}"), "SELECT  E'it''s a\\\\b', 'hello world'");
  EXPECT_EQ(render_all("SELECT 1-{neg}, 2-{negf}"), "SELECT 1- -5, 2- -1.5");
  EXPECT_EQ(render_all("SELECT {yes}, {no}, {nothing}, {ratio}"), "SELECT true, false, NULL, 0.1");
}

TEST(Render, DoubledBracesEverywhereButComments) {
  EXPECT_EQ(render_all("SELECT '{{1,2}}'::int[], '{{}}'::jsonb;"),
            "SELECT '{1,2}'::int[], '{}'::jsonb");
  EXPECT_EQ(render_all("DO $$ BEGIN RAISE NOTICE '{{%}} {SRID}'; END $$"),
            "DO $$ BEGIN RAISE NOTICE '{%} 2056'; END $$");
  EXPECT_EQ(render_all("SELECT 1 AS \"{{x}} {SRID}\""), "SELECT 1 AS \"{x} 2056\"");
  // Placeholders inside strings are substituted too (pum 1.x formats the whole text).
  EXPECT_EQ(render_all("SELECT '{SRID}'"), "SELECT '2056'");
}

TEST(Render, CommentsAreCopiedUnchanged) {
  EXPECT_EQ(render_all("-- uses {SRID} and {unknown} and {{ }\nSELECT {SRID} /* {x} { */"),
            "-- uses {SRID} and {unknown} and {{ }\nSELECT 2056 /* {x} { */");
  EXPECT_EQ(render_all("-- only {unknown}"), "-- only {unknown}");
}

TEST(Render, PlaceholderNames) {
  Script script = parse_script(SourceText(
      "r.sql", "SELECT {a}, '{b}', $$ {c} $$ -- {d}\n; /* {e} */ SELECT \"{f}\", '{{g}}'"));
  EXPECT_EQ(placeholder_names(script), (std::set<std::string>{"a", "b", "c", "f"}));
  EXPECT_EQ(placeholder_names_whole(script), (std::set<std::string>{"a", "b", "c", "f"}));
}

TEST(Render, UnknownParameter) {
  EXPECT_EQ(render_error("SELECT 1;\nSELECT {SRID}, {srid};"),
            "r.sql:2:16: unknown parameter {srid}");
}

TEST(Render, PositionalAndUnsupportedFields) {
  EXPECT_EQ(render_error("SELECT {}"), "r.sql:1:8: positional placeholder {} is not supported");
  EXPECT_EQ(render_error("SELECT\n  {0}"),
            "r.sql:2:3: positional placeholder {0} is not supported");
  EXPECT_EQ(render_error("SELECT {a:>10}"), "r.sql:1:8: unsupported placeholder {a:>10}");
  EXPECT_EQ(render_error("SELECT {a!r}"), "r.sql:1:8: unsupported placeholder {a!r}");
  EXPECT_EQ(render_error("SELECT {a.b}"), "r.sql:1:8: unsupported placeholder {a.b}");
  EXPECT_EQ(render_error("SELECT {a[0]}"), "r.sql:1:8: unsupported placeholder {a[0]}");
  EXPECT_EQ(render_error("SELECT '{\"a\": 1}'::jsonb"),
            "r.sql:1:9: unsupported placeholder {\"a\": 1}");
  // A long or multi-line field is cut short in the message.
  EXPECT_EQ(render_error("SELECT '{\"key\":\n 1}'"),
            "r.sql:1:9: unsupported placeholder {\"key\":...");
}

TEST(Render, SingleBraces) {
  EXPECT_EQ(render_error("SELECT 'a{b'"),
            "r.sql:1:10: single '{' without a closing '}': literal braces must be doubled");
  EXPECT_EQ(render_error("SELECT 'é}'"),
            "r.sql:1:10: single '}' without an opening '{': literal braces must be doubled");
  EXPECT_EQ(render_error("SELECT {SRID}}"),
            "r.sql:1:14: single '}' without an opening '{': literal braces must be doubled");
  // A field cannot span a comment or a statement boundary.
  EXPECT_EQ(render_error("SELECT {SRID /* c */ }"),
            "r.sql:1:8: single '{' without a closing '}': literal braces must be doubled");
  EXPECT_EQ(render_error("SELECT {a; b}"),
            "r.sql:1:8: single '{' without a closing '}': literal braces must be doubled");
}

TEST(Render, NamesAreValidatedLikeRendering) {
  Script script = parse_script(SourceText("r.sql", "SELECT 1;\nSELECT '{'"));
  try {
    placeholder_names(script);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(),
              "r.sql:2:9: single '{' without a closing '}': literal braces must be doubled");
  }
}

TEST(OffsetMap, MapsBeforeInsideAndAfterSubstitutions) {
  //                      0         1         2
  //                      0123456789012345678901234567
  std::string text = "x;\n SELECT {txt} || '{{' || {SRID} AS c";
  Script script = parse_script(SourceText("r.sql", text));
  ASSERT_EQ(script.statements.size(), 2U);
  Rendered r = render(script, script.statements[1], kParams);
  ASSERT_EQ(r.sql, "SELECT  E'it''s a\\\\b' || '{' || 2056 AS c");
  std::size_t base = 4;  // "SELECT" starts at source offset 4
  EXPECT_EQ(r.map.to_source(0), base);
  EXPECT_EQ(r.map.to_source(6), base + 6);  // the space before the placeholder
  std::size_t brace = text.find("{txt}");
  std::size_t value_begin = 7;
  std::size_t value_end = r.sql.find(" ||");
  for (std::size_t i = value_begin; i < value_end; ++i) EXPECT_EQ(r.map.to_source(i), brace) << i;
  // After the substitution, offsets shift back to the source.
  EXPECT_EQ(r.map.to_source(value_end), text.find(" ||"));
  // The brace produced by "{{" maps to the first '{'; the quote after it to the source quote.
  std::size_t rendered_brace = r.sql.find("'{'") + 1;
  std::size_t source_brace = text.find("{{");
  EXPECT_EQ(r.map.to_source(rendered_brace), source_brace);
  EXPECT_EQ(r.map.to_source(rendered_brace + 1), source_brace + 2);
  std::size_t srid = r.sql.find("2056");
  EXPECT_EQ(r.map.to_source(srid + 3), text.find("{SRID}"));
  EXPECT_EQ(r.map.to_source(srid + 4), text.find(" AS c"));
  EXPECT_EQ(r.map.to_source(r.sql.size() - 1), text.size() - 1);
  EXPECT_EQ(r.map.to_source(r.sql.size()), text.size());
  EXPECT_EQ(r.map.to_source(r.sql.size() + 10), text.size());
  SourceLocation where = source_location(script, r, srid);
  EXPECT_EQ(where.str(), "r.sql:2:" + std::to_string(text.find("{SRID}") - 3 + 1));
}

TEST(OffsetMap, CommentsMapLinearly) {
  std::string text = "SELECT {SRID} /* {x} */ , 1";
  Script script = parse_script(SourceText("r.sql", text));
  Rendered r = render(script, script.statements[0], kParams);
  ASSERT_EQ(r.sql, "SELECT 2056 /* {x} */ , 1");
  EXPECT_EQ(r.map.to_source(r.sql.find("{x}")), text.find("{x}"));
  EXPECT_EQ(r.map.to_source(r.sql.find(", 1")), text.find(", 1"));
}

TEST(RenderWhole, KeepsEverythingButTheByteOrderMark) {
  std::string text = "\xEF\xBB\xBF-- {c}\nSELECT {SRID};\nSELECT '{{x}}';\n";
  Script script = parse_script(SourceText("hook", text));
  Rendered r = render_whole(script, kParams);
  EXPECT_EQ(r.sql, "-- {c}\nSELECT 2056;\nSELECT '{x}';\n");
  EXPECT_EQ(r.map.to_source(0), 3U);
  EXPECT_EQ(r.map.to_source(r.sql.find(";")), text.find(";"));
  EXPECT_EQ(r.map.to_source(r.sql.size()), text.size());
}

TEST(RenderWhole, UnknownParameterInWholeText) {
  Script script = parse_script(SourceText("hook", "SELECT 1;\nSELECT {nope}"));
  try {
    render_whole(script, kParams);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "hook:2:8: unknown parameter {nope}");
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_NE(e.hints()[0].find("parameters:"), std::string::npos);
  }
}

TEST(Render, LargeScriptRendersInLinearTime) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "INSERT INTO t VALUES ({SRID}, '{{a}}', {txt}); -- {c}\n";
  Script script = parse_script(SourceText("big.sql", text));
  Rendered r = render_whole(script, kParams);
  EXPECT_EQ(r.sql.find("{SRID}"), std::string::npos);
  EXPECT_EQ(r.map.to_source(r.sql.size() - 1), text.size() - 1);
  std::size_t rendered = 0;
  for (const Statement& statement : script.statements) {
    if (statement.has_code) rendered += render(script, statement, kParams).sql.size();
  }
  EXPECT_GT(rendered, text.size());
}

}  // namespace
}  // namespace pum::sql
