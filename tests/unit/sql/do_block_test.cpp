// Turning "PL/pgSQL function inline_code_block line N" back into a place in the DO statement.
#include "pum/sql/do_block.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pum::sql {
namespace {

constexpr std::string_view kBlock =
    "DO $body$\n"
    "BEGIN\n"
    "  PERFORM 1;\n"
    "  RAISE EXCEPTION 'boom';\n"
    "END\n"
    "$body$";

std::string_view at(std::string_view text, std::optional<std::size_t> offset) {
  return offset ? text.substr(*offset, 10) : std::string_view("<none>");
}

TEST(DoBlock, LineCountsFromTheOpeningQuote) {
  const auto offset =
      do_block_error_offset(kBlock, "PL/pgSQL function inline_code_block line 4 at RAISE");
  EXPECT_EQ(at(kBlock, offset), "RAISE EXCE");
  EXPECT_EQ(at(kBlock, do_block_error_offset(kBlock,
                                             "PL/pgSQL function inline_code_block line "
                                             "1 at statement block")),
            "\nBEGIN\n  P");
}

TEST(DoBlock, OutermostFrameWinsWhenTheBlockCallsAFunction) {
  const auto offset =
      do_block_error_offset(kBlock,
                            "PL/pgSQL function f() line 2 at RAISE\n"
                            "SQL statement \"SELECT f()\"\n"
                            "PL/pgSQL function inline_code_block line 3 at PERFORM");
  EXPECT_EQ(at(kBlock, offset), "PERFORM 1;");
}

TEST(DoBlock, InternalQueryPositionIsUsedWhenItIsOnThatLine) {
  const std::string_view block =
      "do language plpgsql '\n"
      "BEGIN\n"
      "  INSERT INTO t (id) VALUES (1 / 0);\n"
      "END'";
  const auto offset =
      do_block_error_offset(block, "PL/pgSQL function inline_code_block line 3 at SQL statement",
                            "INSERT INTO t (id) VALUES (1 / 0)", 28);
  EXPECT_EQ(at(block, offset), "1 / 0);\nEN");
  // The query text is not in the block (PERFORM runs it as SELECT): the line's start.
  const auto fallback = do_block_error_offset(
      block, "PL/pgSQL function inline_code_block line 3 at SQL statement", "SELECT 1 / 0", 8);
  EXPECT_EQ(at(block, fallback), "INSERT INT");
}

TEST(DoBlock, StatementNamedInContextIsFoundOnAOneLineBlock) {
  const std::string_view block = "DO $$ BEGIN PERFORM * FROM public.nothere; END $$";
  EXPECT_EQ(at(block,
               do_block_error_offset(block, "PL/pgSQL function inline_code_block line 1 at PERFORM",
                                     "SELECT * FROM public.nothere", 15)),
            "PERFORM * ");
  // A word that merely contains it does not count; then the line's first code.
  const std::string_view other = "DO $$ BEGIN  x_raise := 1; raise notice 'x'; END $$";
  EXPECT_EQ(at(other,
               do_block_error_offset(other, "PL/pgSQL function inline_code_block line 1 at RAISE")),
            "raise noti");
  EXPECT_EQ(
      at(other, do_block_error_offset(other, "PL/pgSQL function inline_code_block line 1 at CALL")),
      "BEGIN  x_r");
}

TEST(DoBlock, CommentsBeforeDoAreSkipped) {
  const std::string text = "-- a comment\n/* another */ " + std::string(kBlock);
  const auto offset =
      do_block_error_offset(text, "PL/pgSQL function inline_code_block line 4 at RAISE");
  EXPECT_EQ(at(text, offset), "RAISE EXCE");
}

TEST(DoBlock, NothingWhenItCannotBeTold) {
  // Not a DO statement.
  EXPECT_FALSE(do_block_error_offset("SELECT f()", "PL/pgSQL function inline_code_block line 1"));
  // No such frame, or a line number that is not one.
  EXPECT_FALSE(do_block_error_offset(kBlock, "PL/pgSQL function f() line 4 at RAISE"));
  EXPECT_FALSE(do_block_error_offset(kBlock, "PL/pgSQL function inline_code_block line x"));
  EXPECT_FALSE(do_block_error_offset(kBlock, "PL/pgSQL function inline_code_block line 0"));
  // More lines than the body has.
  EXPECT_FALSE(do_block_error_offset(kBlock, "PL/pgSQL function inline_code_block line 9"));
  // Something else than LANGUAGE name between DO and the body.
  EXPECT_FALSE(do_block_error_offset("DO ( $$x$$ )", "PL/pgSQL function inline_code_block line 1"));
  // Text the lexer refuses.
  EXPECT_FALSE(do_block_error_offset("DO $$ BEGIN", "PL/pgSQL function inline_code_block line 1"));
}

}  // namespace
}  // namespace pum::sql
