#include "pum/sql/script.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pum::sql {
namespace {

Script parse(const std::string& text) { return parse_script(SourceText("t.sql", text)); }

// The text of every statement, with "(comments)" appended to comment-only ones.
std::vector<std::string> statements(const std::string& text) {
  Script script = parse(text);
  std::vector<std::string> out;
  for (const Statement& s : script.statements) {
    std::string t(script.text(s));
    out.push_back(s.has_code ? t : t + " (comments)");
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Splitter, SplitsOnSemicolons) {
  EXPECT_EQ(statements("SELECT 1;\n  SELECT 2 ;\n\nCREATE TABLE t(a int);\n"),
            (V{"SELECT 1", "SELECT 2", "CREATE TABLE t(a int)"}));
}

TEST(Splitter, BeginEndAndTokenRange) {
  Script script = parse("  SELECT 1 ;  \n-- c\nSELECT 2");
  ASSERT_EQ(script.statements.size(), 2U);
  const Statement& a = script.statements[0];
  EXPECT_EQ(a.begin, 2U);
  EXPECT_EQ(a.end, 10U);
  EXPECT_TRUE(a.has_code);
  EXPECT_EQ(script.tokens[a.first_token].begin, a.begin);
  EXPECT_EQ(script.tokens[a.last_token - 1].end, a.end);
  const Statement& b = script.statements[1];
  // The statement starts at the comment before it; a trailing statement needs no ';'.
  EXPECT_EQ(script.text(b), "-- c\nSELECT 2");
  EXPECT_EQ(script.tokens[b.first_token].kind, TokenKind::line_comment);
  EXPECT_EQ(b.last_token, script.tokens.size());
  EXPECT_TRUE(b.has_code);
}

TEST(Splitter, EmptyStatementsAreDropped) {
  EXPECT_EQ(statements(";;  ; SELECT 1;;"), (V{"SELECT 1"}));
  EXPECT_EQ(statements(""), V{});
  EXPECT_EQ(statements("  \n\t"), V{});
}

TEST(Splitter, CommentOnlyTailHasNoCode) {
  EXPECT_EQ(statements("SELECT 1; -- done\n/* end */\n"),
            (V{"SELECT 1", "-- done\n/* end */ (comments)"}));
  EXPECT_EQ(statements("SELECT 1;\n-- x"), (V{"SELECT 1", "-- x (comments)"}));
}

TEST(Splitter, SemicolonsInQuotesAndCommentsDoNotSplit) {
  EXPECT_EQ(statements("SELECT ';', E'\\';', \"a;b\" -- ;\n; SELECT $x$;$x$ /* ; */;"),
            (V{"SELECT ';', E'\\';', \"a;b\" -- ;", "SELECT $x$;$x$ /* ; */"}));
}

TEST(Splitter, BeginAtomicBodyStaysOneStatement) {
  const std::string function =
      "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
      "BEGIN ATOMIC\n"
      "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n"
      "  SELECT a + 1;\n"
      "END";
  EXPECT_EQ(statements(function + ";\nSELECT f(1);"), (V{function, "SELECT f(1)"}));
  const std::string procedure =
      "create procedure p() begin atomic insert into t values (1); insert into t values (2); end";
  EXPECT_EQ(statements(procedure + "; select 1"), (V{procedure, "select 1"}));
}

TEST(Splitter, BeginOutsideRoutinesIsNotABlock) {
  // Without CREATE FUNCTION/PROCEDURE, BEGIN does not open a body (a forbidden BEGIN; is its own
  // statement, so check_forbidden can find it).
  EXPECT_EQ(statements("BEGIN; SELECT 1; COMMIT;"), (V{"BEGIN", "SELECT 1", "COMMIT"}));
  // A classic function with a dollar-quoted body: BEGIN/END are inside the string.
  EXPECT_EQ(statements("CREATE FUNCTION f() RETURNS void AS $$ BEGIN NULL; END $$ LANGUAGE plpgsql;"
                       " SELECT 2"),
            (V{"CREATE FUNCTION f() RETURNS void AS $$ BEGIN NULL; END $$ LANGUAGE plpgsql",
               "SELECT 2"}));
  // CASE ... END outside a BEGIN block changes nothing.
  EXPECT_EQ(
      statements("CREATE FUNCTION f() RETURNS int RETURN CASE WHEN true THEN 1 END; SELECT 3"),
      (V{"CREATE FUNCTION f() RETURNS int RETURN CASE WHEN true THEN 1 END", "SELECT 3"}));
}

TEST(Splitter, CreateRuleWithParenthesisedActions) {
  const std::string rule =
      "CREATE RULE r AS ON INSERT TO t DO ALSO (\n"
      "  INSERT INTO log VALUES (1);\n"
      "  UPDATE c SET n = n + 1;\n"
      ")";
  EXPECT_EQ(statements(rule + ";\nSELECT 1;"), (V{rule, "SELECT 1"}));
}

TEST(Splitter, UnbalancedCloseParenthesisDoesNotGoNegative) {
  EXPECT_EQ(statements("SELECT 1); SELECT (2;3);"), (V{"SELECT 1)", "SELECT (2;3)"}));
}

TEST(Splitter, LeadingKeywords) {
  Script script = parse("/* c */ create  Table t(a int); (SELECT 1); SELECT");
  ASSERT_EQ(script.statements.size(), 3U);
  EXPECT_EQ(leading_keywords(script, script.statements[0], 2), "CREATE TABLE");
  EXPECT_EQ(leading_keywords(script, script.statements[0], 5), "CREATE TABLE T");
  EXPECT_EQ(leading_keywords(script, script.statements[1], 2), "");
  EXPECT_EQ(leading_keywords(script, script.statements[2], 1), "SELECT");
}

TEST(Splitter, LargeInputIsSplitQuickly) {
  std::string text;
  for (int i = 0; i < 100000; ++i) {
    text += "INSERT INTO t VALUES (" + std::to_string(i) + ", 'a;b', $$x;y$$); -- c;\n";
  }
  Script script = parse(text);
  EXPECT_EQ(script.statements.size(), 100001U);  // the last is the trailing comment
  EXPECT_FALSE(script.statements.back().has_code);
}

}  // namespace
}  // namespace pum::sql
