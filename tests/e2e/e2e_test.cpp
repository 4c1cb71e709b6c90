// Every directory of tests/e2e/cases holding a case.yaml is one test, named after the directory.

#include <gtest/gtest.h>

#include <string>

#include "case_runner.hpp"

namespace {

class E2E : public testing::TestWithParam<std::string> {};

TEST_P(E2E, Run) {
  try {
    e2e::run_case(PUM_E2E_CASES_DIR, GetParam(), e2e::pum_binary_path(PUM_BINARY));
  } catch (const std::exception& e) {
    FAIL() << "case " << GetParam() << ": " << e.what();
  }
}

// gtest names allow [A-Za-z0-9_] only; case directories use exactly that (checked here too).
std::string case_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, E2E, testing::ValuesIn(e2e::list_cases(PUM_E2E_CASES_DIR)),
                         case_name);

TEST(E2ECases, DirectoryNamesAreTestNames) {
  const auto names = e2e::list_cases(PUM_E2E_CASES_DIR);
  ASSERT_FALSE(names.empty()) << "no case found under " << PUM_E2E_CASES_DIR;
  for (const auto& name : names) {
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string::npos)
        << "case directory names use [a-z0-9_] only: " << name;
  }
}

// Runs without a server: a misspelt key or a wrong value shape fails here first.
TEST(E2ECases, EveryCaseIsWellFormed) {
  for (const auto& name : e2e::list_cases(PUM_E2E_CASES_DIR)) {
    try {
      e2e::check_case(PUM_E2E_CASES_DIR, name);
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

}  // namespace
