// Every directory of tests/e2e/cases holding a case.yaml is one test, named after the directory
// (Cases/E2E.Run/<name>); so is every directory of tests/e2e/bad-input, the catalogue of bad
// input (BadInput/E2E.Run/<name>).

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "case_runner.hpp"

namespace {

// A case: the directory holding the case directories, and the case's name.
struct CaseRef {
  std::string dir;
  std::string name;
};

// What gtest prints for a parameter (e.g. in --gtest_list_tests): the case name.
[[maybe_unused]] void PrintTo(const CaseRef& ref, std::ostream* out) { *out << ref.name; }

std::vector<CaseRef> cases_in(const std::string& dir) {
  std::vector<CaseRef> refs;
  for (const auto& name : e2e::list_cases(dir)) refs.push_back({dir, name});
  return refs;
}

const std::vector<std::string>& case_dirs() {
  static const std::vector<std::string> dirs = {PUM_E2E_CASES_DIR, PUM_E2E_BAD_INPUT_DIR};
  return dirs;
}

class E2E : public testing::TestWithParam<CaseRef> {};

TEST_P(E2E, Run) {
  try {
    e2e::run_case(GetParam().dir, GetParam().name, e2e::pum_binary_path(PUM_BINARY));
  } catch (const e2e::KnownBug& e) {
    GTEST_SKIP() << "case " << GetParam().name << ": " << e.what();
  } catch (const std::exception& e) {
    FAIL() << "case " << GetParam().name << ": " << e.what();
  }
}

// gtest names allow [A-Za-z0-9_] only; case directories use exactly that (checked here too).
std::string case_name(const testing::TestParamInfo<CaseRef>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, E2E, testing::ValuesIn(cases_in(PUM_E2E_CASES_DIR)), case_name);
INSTANTIATE_TEST_SUITE_P(BadInput, E2E, testing::ValuesIn(cases_in(PUM_E2E_BAD_INPUT_DIR)),
                         case_name);

TEST(E2ECases, DirectoryNamesAreTestNames) {
  for (const std::string& dir : case_dirs()) {
    const auto names = e2e::list_cases(dir);
    ASSERT_FALSE(names.empty()) << "no case found under " << dir;
    for (const auto& name : names) {
      EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string::npos)
          << "case directory names use [a-z0-9_] only: " << dir << "/" << name;
    }
  }
}

// The databases of a case are named after it (e2e_<name>), so a name is used in one directory only.
TEST(E2ECases, NamesAreUniqueAcrossDirectories) {
  const auto cases = e2e::list_cases(PUM_E2E_CASES_DIR);
  for (const auto& name : e2e::list_cases(PUM_E2E_BAD_INPUT_DIR)) {
    EXPECT_EQ(std::count(cases.begin(), cases.end(), name), 0)
        << name << " is both a case and a bad-input case";
  }
}

// The catalogue of bad input promises at least 40 cases (see bad-input/README.md).
TEST(E2ECases, BadInputCatalogueHasFortyCases) {
  EXPECT_GE(e2e::list_cases(PUM_E2E_BAD_INPUT_DIR).size(), 40U);
}

// Runs without a server: a misspelt key or a wrong value shape fails here first.
TEST(E2ECases, EveryCaseIsWellFormed) {
  for (const std::string& dir : case_dirs()) {
    for (const auto& name : e2e::list_cases(dir)) {
      try {
        e2e::check_case(dir, name);
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
      }
    }
  }
}

}  // namespace
