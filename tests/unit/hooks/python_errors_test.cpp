// What a failing Python hook looks like as a pum::Error: location in the user's own code, the
// traceback as CONTEXT lines, the server's fields; and a hook that changed the transaction status.
#include "pum/hooks/python_errors.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pum::hooks::test {
namespace {

plugin::Frame frame(std::string file, int line, std::string function, std::string text,
                    int column = 0) {
  return plugin::Frame{std::move(file), line, column, std::move(function), std::move(text)};
}

std::vector<std::string> lines(const Error& error, const std::string& label) {
  std::vector<std::string> out;
  for (const auto& [l, text] : error.details()) {
    if (l == label) out.push_back(text);
  }
  return out;
}

TEST(DisplayPath, RelativeInsideTheModuleDirectory) {
  EXPECT_EQ(display_path("/m/app/hook.py", "/m"), "app/hook.py");
  EXPECT_EQ(display_path("/m/./app/../app/hook.py", "/m/"), "app/hook.py");
  EXPECT_EQ(display_path("/usr/lib/python3/dist-packages/x.py", "/m"),
            "/usr/lib/python3/dist-packages/x.py");
  EXPECT_EQ(display_path("/mm/hook.py", "/m"), "/mm/hook.py");
}

TEST(FailureToError, LocatedAtTheInnermostFrameOfTheUsersCode) {
  plugin::Failure failure;
  failure.message = "ValueError: bad";
  failure.traceback = {
      frame("/m/app/hook.py", 12, "run_hook", "        helper.check(rows)"),
      frame("/m/app/helper.py", 3, "check", "    raise ValueError('bad')", 5),
      frame("/usr/lib/python3/dist-packages/lib.py", 40, "inner", "    raise"),
  };
  Error error = failure_to_error(failure, "Python hook app/hook.py failed: ", "/m");
  EXPECT_EQ(error.what(), "app/helper.py:3:5: Python hook app/hook.py failed: ValueError: bad");
  EXPECT_EQ(error.location().line_text, "    raise ValueError('bad')");
  EXPECT_EQ(lines(error, "CONTEXT"),
            (std::vector<std::string>{
                "Python traceback (most recent call last):",
                "  app/hook.py:12 in run_hook: helper.check(rows)",
                "  app/helper.py:3 in check: raise ValueError('bad')",
                "  /usr/lib/python3/dist-packages/lib.py:40 in inner: raise",
            }));
}

TEST(FailureToError, OutsideTheModuleTheInnermostFrame) {
  plugin::Failure failure;
  failure.message = "KeyError: 'x'";
  failure.traceback = {frame("/elsewhere/hook.py", 2, "run_hook", "d['x']")};
  Error error = failure_to_error(failure, "", "/m");
  EXPECT_EQ(error.what(), "/elsewhere/hook.py:2: KeyError: 'x'");
}

TEST(FailureToError, WhereWinsAndServerFieldsAreKept) {
  plugin::Failure failure;
  failure.message = "UndefinedTable: relation \"t\" does not exist";
  failure.sqlstate = "42P01";
  failure.details = {{"QUERY", "SELECT * FROM t"}};
  failure.hints = {"create it first"};
  failure.where = frame("/m/app/hook.py", 4, "", "class Hook(HookBase)", 21);
  Error error = failure_to_error(failure, "p: ", "/m");
  EXPECT_EQ(error.what(), "app/hook.py:4:21: p: UndefinedTable: relation \"t\" does not exist");
  EXPECT_EQ(error.sqlstate(), "42P01");
  EXPECT_EQ(lines(error, "QUERY"), std::vector<std::string>{"SELECT * FROM t"});
  EXPECT_TRUE(lines(error, "CONTEXT").empty());
  EXPECT_EQ(error.hints(), std::vector<std::string>{"create it first"});
}

TEST(FailureToError, NoFrameNoLocation) {
  plugin::Failure failure;
  failure.message = "RuntimeError";
  EXPECT_FALSE(failure_to_error(failure, "", "/m").location().known());
}

TEST(TransactionProblem, UnchangedIsFine) {
  EXPECT_FALSE(transaction_problem(PQTRANS_INTRANS, PQTRANS_INTRANS, "app/h.py"));
}

TEST(TransactionProblem, EachChangeSaysWhatHappened) {
  EXPECT_EQ(transaction_problem(PQTRANS_INTRANS, PQTRANS_IDLE, "app/h.py")->what(),
            "Python hook app/h.py ended pum's transaction (COMMIT or ROLLBACK)");
  EXPECT_EQ(transaction_problem(PQTRANS_INTRANS, PQTRANS_INERROR, "app/h.py")->what(),
            "Python hook app/h.py left the transaction failed: one of its SQL statements failed "
            "and the hook went on");
  EXPECT_EQ(transaction_problem(PQTRANS_INTRANS, PQTRANS_UNKNOWN, "app/h.py")->what(),
            "Python hook app/h.py closed or lost pum's connection");
  EXPECT_EQ(transaction_problem(PQTRANS_INTRANS, PQTRANS_ACTIVE, "app/h.py")->what(),
            "Python hook app/h.py returned while a query was still running");
  EXPECT_EQ(transaction_problem(PQTRANS_IDLE, PQTRANS_INTRANS, "app/h.py")->what(),
            "Python hook app/h.py started a transaction of its own");
}

}  // namespace
}  // namespace pum::hooks::test
