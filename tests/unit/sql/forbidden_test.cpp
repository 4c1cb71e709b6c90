#include "pum/sql/forbidden.hpp"

#include <gtest/gtest.h>

#include <string>

#include "pum/sql/string_value.hpp"
#include "pum/util/error.hpp"

namespace pum::sql {
namespace {

// "file:line:col: message", or "ok" when nothing is forbidden.
std::string check(const std::string& text) {
  Script script = parse_script(SourceText("c.sql", text));
  try {
    check_forbidden(script);
  } catch (const Error& e) {
    EXPECT_EQ(e.hints().size(), 1U);
    return e.what();
  }
  return "ok";
}

const std::string kPrefix = "SQL contains forbidden transaction statement: ";

TEST(Forbidden, TransactionControlIsRejectedAtTheStatement) {
  EXPECT_EQ(check("CREATE TABLE t(a int);\n  COMMIT;"), "c.sql:2:3: " + kPrefix + "COMMIT");
  EXPECT_EQ(check("begin;\nSELECT 1;"), "c.sql:1:1: " + kPrefix + "BEGIN");
  EXPECT_EQ(check("SELECT 1;\nBEGIN"), "c.sql:2:1: " + kPrefix + "BEGIN");
  EXPECT_EQ(check("BEGIN WORK;"), "c.sql:1:1: " + kPrefix + "BEGIN WORK");
  EXPECT_EQ(check("Begin Transaction Isolation Level Serializable;"),
            "c.sql:1:1: " + kPrefix + "BEGIN TRANSACTION");
  EXPECT_EQ(check("BEGIN ISOLATION LEVEL READ COMMITTED;"), "c.sql:1:1: " + kPrefix + "BEGIN");
  EXPECT_EQ(check("start transaction read only;"), "c.sql:1:1: " + kPrefix + "START TRANSACTION");
  EXPECT_EQ(check("SELECT 1; END;"), "c.sql:1:11: " + kPrefix + "END");
  EXPECT_EQ(check("END TRANSACTION;"), "c.sql:1:1: " + kPrefix + "END TRANSACTION");
  EXPECT_EQ(check("ROLLBACK;"), "c.sql:1:1: " + kPrefix + "ROLLBACK");
  EXPECT_EQ(check("ABORT;"), "c.sql:1:1: " + kPrefix + "ABORT");
  EXPECT_EQ(check("COMMIT AND CHAIN;"), "c.sql:1:1: " + kPrefix + "COMMIT");
  EXPECT_EQ(check("SAVEPOINT s1;"), "c.sql:1:1: " + kPrefix + "SAVEPOINT");
  EXPECT_EQ(check("RELEASE SAVEPOINT s1;"), "c.sql:1:1: " + kPrefix + "RELEASE SAVEPOINT");
  EXPECT_EQ(check("RELEASE s1;"), "c.sql:1:1: " + kPrefix + "RELEASE");
  EXPECT_EQ(check("ROLLBACK TO SAVEPOINT s1;"), "c.sql:1:1: " + kPrefix + "ROLLBACK TO SAVEPOINT");
  EXPECT_EQ(check("ROLLBACK WORK TO s1;"), "c.sql:1:1: " + kPrefix + "ROLLBACK WORK TO");
  EXPECT_EQ(check("PREPARE TRANSACTION 'x';"), "c.sql:1:1: " + kPrefix + "PREPARE TRANSACTION");
  EXPECT_EQ(check("COMMIT PREPARED 'x';"), "c.sql:1:1: " + kPrefix + "COMMIT PREPARED");
  EXPECT_EQ(check("ROLLBACK PREPARED 'x';"), "c.sql:1:1: " + kPrefix + "ROLLBACK PREPARED");
}

TEST(Forbidden, LocatedAtTheFirstCodeTokenAfterComments) {
  EXPECT_EQ(check("SELECT 1;\n-- the end\n/* x */ COMMIT"), "c.sql:3:9: " + kPrefix + "COMMIT");
}

TEST(Forbidden, PreparedStatementsAreFine) {
  EXPECT_EQ(check("PREPARE q AS SELECT 1; PREPARE transaction AS SELECT 2;"
                  " PREPARE transaction(int) AS SELECT $1;"),
            "ok");
}

TEST(Forbidden, SameWordsInStringsBodiesIdentifiersAndCommentsAreFine) {
  EXPECT_EQ(check("SELECT 'COMMIT;', E'\\'BEGIN;', \"end\";\n"
                  "-- COMMIT;\n/* BEGIN; */\n"
                  "DO $$ BEGIN PERFORM 1; END $$;\n"
                  "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
                  "SELECT 'set_config(''search_path'', ''x'', true)';\n"
                  "-- SELECT set_config('search_path', 'x', false);\n"
                  "\"COMMIT\";\n"),
            "ok");
}

TEST(Forbidden, CommitInsideABodyAfterTheStatementStartIsFine) {
  // A procedure body is one statement that starts with CREATE.
  EXPECT_EQ(check("CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;"), "ok");
}

TEST(Forbidden, SetConfigSearchPathIsRejected) {
  const std::string what = kPrefix + "set_config('search_path', ...)";
  EXPECT_EQ(check("SELECT 1;\nSELECT pg_catalog.set_config('search_path', '', false);"),
            "c.sql:2:1: " + what);
  EXPECT_EQ(check("SELECT set_config('search_path', 'a, public', true);"), "c.sql:1:1: " + what);
  EXPECT_EQ(check("select x, SET_CONFIG ( /* c */ 'SEARCH_PATH', 'a', false) from t;"),
            "c.sql:1:1: " + what);
  EXPECT_EQ(check("SELECT \"pg_catalog\".\"set_config\"(E'search\\_path', 'a', false);"),
            "c.sql:1:1: " + what);
  EXPECT_EQ(check("SELECT set_config($$search_path$$, 'a', false);"), "c.sql:1:1: " + what);
  EXPECT_EQ(check("SELECT set_config(U&'search\\005fpath', 'a', false);"), "c.sql:1:1: " + what);
}

TEST(Forbidden, OtherSettingsAreFine) {
  EXPECT_EQ(check("SELECT set_config('work_mem', '64MB', true);"), "ok");
  EXPECT_EQ(check("SET search_path TO a, public;"), "ok");
  EXPECT_EQ(check("SELECT set_config(name, 'x', true) FROM settings;"), "ok");
  EXPECT_EQ(check("SELECT my_set_config('search_path');"), "ok");
}

TEST(Forbidden, ForbiddenStatementReportsWhat) {
  Script script = parse_script(SourceText("c.sql", "SELECT 1; commit work; -- x"));
  ASSERT_EQ(script.statements.size(), 3U);
  EXPECT_FALSE(forbidden_statement(script, script.statements[0]).has_value());
  EXPECT_EQ(forbidden_statement(script, script.statements[1]).value_or(""), "COMMIT WORK");
  EXPECT_FALSE(forbidden_statement(script, script.statements[2]).has_value());
}

TEST(Forbidden, HintsSayWhatToDo) {
  Script script = parse_script(SourceText("c.sql", "SELECT set_config('search_path', '', false)"));
  try {
    check_forbidden(script);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_NE(e.hints()[0].find("PostGIS"), std::string::npos);
  }
  Script commit = parse_script(SourceText("c.sql", "COMMIT"));
  try {
    check_forbidden(commit);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_NE(e.hints()[0].find("commits it itself"), std::string::npos);
  }
}

TEST(StringValue, DecodesEveryStringForm) {
  EXPECT_EQ(string_value("'it''s'"), "it's");
  EXPECT_EQ(string_value("'a\\b'"), "a\\b");
  EXPECT_EQ(string_value("E'a\\'b\\\\c\\n\\x41\\101\\u00e9'"), "a'b\\c\nAAé");
  EXPECT_EQ(string_value("e'x''y\\q'"), "x'yq");
  EXPECT_EQ(string_value("U&'d\\0061t\\+000061'"), "data");
  EXPECT_EQ(string_value("N'abc'"), "abc");
  EXPECT_EQ(string_value("X'1F'"), "1F");
  EXPECT_EQ(string_value("$tag$ a $$ b $tag$"), " a $$ b ");
  EXPECT_EQ(string_value("$$$$"), "");
}

}  // namespace
}  // namespace pum::sql
