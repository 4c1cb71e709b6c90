#include "pum/sql/lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pum/util/error.hpp"

namespace pum::sql {
namespace {

const char* kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::whitespace:
      return "ws";
    case TokenKind::line_comment:
      return "line_comment";
    case TokenKind::block_comment:
      return "block_comment";
    case TokenKind::string:
      return "string";
    case TokenKind::dollar_string:
      return "dollar";
    case TokenKind::quoted_ident:
      return "qident";
    case TokenKind::word:
      return "word";
    case TokenKind::number:
      return "number";
    case TokenKind::semicolon:
      return "semicolon";
    case TokenKind::other:
      return "other";
  }
  return "?";
}

// "kind:text" for every token that is not whitespace; also checks that tokens tile the text.
std::vector<std::string> lex(const std::string& text) {
  SourceText source("t.sql", text);
  std::vector<Token> tokens = tokenize(source.text(), source);
  std::vector<std::string> out;
  std::size_t expected_begin = 0;
  for (const Token& token : tokens) {
    EXPECT_EQ(token.begin, expected_begin) << "tokens must tile the text";
    EXPECT_LT(token.begin, token.end) << "empty token";
    expected_begin = token.end;
    if (token.kind == TokenKind::whitespace) continue;
    out.push_back(std::string(kind_name(token.kind)) + ":" +
                  std::string(token_text(source.text(), token)));
  }
  EXPECT_EQ(expected_begin, text.size());
  return out;
}

using V = std::vector<std::string>;

std::string lex_error(const std::string& text) {
  SourceText source("f.sql", text);
  try {
    tokenize(source.text(), source);
  } catch (const Error& e) {
    EXPECT_FALSE(e.hints().empty()) << "every lexer error has a hint";
    return e.what();
  }
  return "no error";
}

TEST(Lexer, WordsNumbersOperatorsAndPunctuation) {
  EXPECT_EQ(lex("SELECT a.b, 42, 1.5e3, .5 FROM t WHERE x<>1;"),
            (V{"word:SELECT", "word:a", "other:.", "word:b", "other:,", "number:42", "other:,",
               "number:1.5e3", "other:,", "number:.5", "word:FROM", "word:t", "word:WHERE",
               "word:x", "other:<>", "number:1", "semicolon:;"}));
  EXPECT_EQ(lex("{SRID}"), (V{"other:{", "word:SRID", "other:}"}));
  // As in PostgreSQL, "1..2" is 1, '.', .2 (a number never swallows "..").
  EXPECT_EQ(lex("x::int[1..2]"), (V{"word:x", "other::", "other::", "word:int", "other:[",
                                    "number:1", "other:.", "number:.2", "other:]"}));
}

TEST(Lexer, StandardStringsDoubleQuotesAndKeepBackslashes) {
  EXPECT_EQ(lex("'it''s' 'a\\' x"), (V{"string:'it''s'", "string:'a\\'", "word:x"}));
  EXPECT_EQ(lex("''"), (V{"string:''"}));
  EXPECT_EQ(lex("'a;b--c/*d'"), (V{"string:'a;b--c/*d'"}));
}

TEST(Lexer, EscapeStrings) {
  EXPECT_EQ(lex("E'\\'' x"), (V{"string:E'\\''", "word:x"}));
  EXPECT_EQ(lex("e'\\\\' x"), (V{"string:e'\\\\'", "word:x"}));
  EXPECT_EQ(lex("E'a''b\\n' ;"), (V{"string:E'a''b\\n'", "semicolon:;"}));
  // A word ending in e before a quote is a word then a standard string.
  EXPECT_EQ(lex("une'\\' x"), (V{"word:une", "string:'\\'", "word:x"}));
}

TEST(Lexer, PrefixedStrings) {
  EXPECT_EQ(lex("B'0101' X'1F' n'abc' N'a''b'"),
            (V{"string:B'0101'", "string:X'1F'", "string:n'abc'", "string:N'a''b'"}));
  EXPECT_EQ(lex("U&'d\\0061t' UESCAPE '!'"),
            (V{"string:U&'d\\0061t'", "word:UESCAPE", "string:'!'"}));
  EXPECT_EQ(lex("u&\"d\\0061t\" x"), (V{"qident:u&\"d\\0061t\"", "word:x"}));
  // U& without a quote: a word and an operator.
  EXPECT_EQ(lex("U & 'x'"), (V{"word:U", "other:&", "string:'x'"}));
}

TEST(Lexer, QuotedIdentifiers) {
  EXPECT_EQ(lex("\"a\"\"b\".\"c;d\""), (V{"qident:\"a\"\"b\"", "other:.", "qident:\"c;d\""}));
}

TEST(Lexer, DollarQuotes) {
  EXPECT_EQ(lex("$$a;'b$$ x"), (V{"dollar:$$a;'b$$", "word:x"}));
  EXPECT_EQ(lex("$body$ it's; $$ $x$ $body$;"),
            (V{"dollar:$body$ it's; $$ $x$ $body$", "semicolon:;"}));
  EXPECT_EQ(lex("$a$ x $b$ y; $a$ z $b$ w $b$;"),
            (V{"dollar:$a$ x $b$ y; $a$", "word:z", "dollar:$b$ w $b$", "semicolon:;"}));
  // Nested quotes with different tags are part of the outer body.
  EXPECT_EQ(lex("$a$ BEGIN EXECUTE $b$ SELECT ';' $b$; END $a$;"),
            (V{"dollar:$a$ BEGIN EXECUTE $b$ SELECT ';' $b$; END $a$", "semicolon:;"}));
  EXPECT_EQ(lex("$_t1$x$_t1$"), (V{"dollar:$_t1$x$_t1$"}));
  EXPECT_EQ(lex("$ä$x$ä$"), (V{"dollar:$ä$x$ä$"}));
}

TEST(Lexer, DollarParametersAndIdentifiersAreNotQuotes) {
  EXPECT_EQ(lex("$1 + $23"), (V{"other:$1", "other:+", "other:$23"}));
  EXPECT_EQ(lex("foo$bar$ x"), (V{"word:foo$bar$", "word:x"}));
  EXPECT_EQ(lex("$1$"), (V{"other:$1", "other:$"}));
}

TEST(Lexer, Comments) {
  EXPECT_EQ(lex("a -- it's; \"x\" $$\nb"),
            (V{"word:a", "line_comment:-- it's; \"x\" $$", "word:b"}));
  EXPECT_EQ(lex("a /* x /* y */ z; 'q */ b"),
            (V{"word:a", "block_comment:/* x /* y */ z; 'q */", "word:b"}));
  EXPECT_EQ(lex("1+--c\n2"), (V{"number:1", "other:+", "line_comment:--c", "number:2"}));
  EXPECT_EQ(lex("a*/*c*/b"), (V{"word:a", "other:*", "block_comment:/*c*/", "word:b"}));
  EXPECT_EQ(lex("--last"), (V{"line_comment:--last"}));
}

TEST(Lexer, CrLfLineEnds) {
  EXPECT_EQ(lex("a -- c\r\nb;\r\n"), (V{"word:a", "line_comment:-- c", "word:b", "semicolon:;"}));
  EXPECT_EQ(lex_error("SELECT 1;\r\nSELECT 'x\r\n"), "f.sql:2:8: unterminated quoted string");
}

TEST(Lexer, ByteOrderMarkIsWhitespace) {
  SourceText source("t.sql", "\xEF\xBB\xBFSELECT");
  std::vector<Token> tokens = tokenize(source.text(), source);
  ASSERT_EQ(tokens.size(), 2U);
  EXPECT_EQ(tokens[0].kind, TokenKind::whitespace);
  EXPECT_EQ(tokens[0].end, 3U);
  EXPECT_EQ(tokens[1].kind, TokenKind::word);
  EXPECT_EQ(token_text(source.text(), tokens[1]), "SELECT");
}

TEST(Lexer, NonAsciiIdentifiers) {
  EXPECT_EQ(lex("SELECT größe, 名前$1 FROM straße"),
            (V{"word:SELECT", "word:größe", "other:,", "word:名前$1", "word:FROM", "word:straße"}));
}

TEST(Lexer, UnterminatedStringsAreLocatedAtTheirStart) {
  EXPECT_EQ(lex_error("SELECT 1;\nSELECT 'abc"), "f.sql:2:8: unterminated quoted string");
  EXPECT_EQ(lex_error("SELECT E'a\\';"), "f.sql:1:8: unterminated quoted string");
  EXPECT_EQ(lex_error("x  U&'abc"), "f.sql:1:4: unterminated quoted string");
  EXPECT_EQ(lex_error("é 'a''"), "f.sql:1:3: unterminated quoted string");
}

TEST(Lexer, UnterminatedDollarQuote) {
  EXPECT_EQ(lex_error("DO\n  $body$ BEGIN END $bod$;"),
            "f.sql:2:3: unterminated dollar-quoted string $body$");
  EXPECT_EQ(lex_error("DO $$ x"), "f.sql:1:4: unterminated dollar-quoted string $$");
}

TEST(Lexer, UnterminatedIdentifierAndComment) {
  EXPECT_EQ(lex_error("SELECT \"a\"\"b"), "f.sql:1:8: unterminated quoted identifier");
  EXPECT_EQ(lex_error("a\n /* x /* y */ b"), "f.sql:2:2: unterminated /* comment");
}

TEST(Lexer, ErrorsCarryHints) {
  SourceText source("f.sql", "$x$ abc");
  try {
    tokenize(source.text(), source);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_NE(e.hints()[0].find("$x$"), std::string::npos);
    EXPECT_EQ(e.location().line_text, "$x$ abc");
  }
}

TEST(Lexer, ViewIntoTheSourceIsLocatedInTheWholeSource) {
  SourceText source("f.sql", "SELECT 1;\nSELECT 'x");
  std::string_view tail = std::string_view(source.text()).substr(10);
  try {
    tokenize(tail, source);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "f.sql:2:8: unterminated quoted string");
  }
}

}  // namespace
}  // namespace pum::sql
