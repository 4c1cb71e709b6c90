// dependencies: the check of one installed version against inclusive PEP 440 bounds, and the
// messages (names, versions, what to install), word for word.
#include "pum/hooks/python_dependencies.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace pum::hooks::test {
namespace {

const std::string kPython = "Python 3.11.2 (/usr)";

config::Config make_config() {
  config::Config config;
  config.display_file = ".pum.yaml";
  return config;
}

config::Dependency dependency(std::string name, std::optional<std::string> minimum,
                              std::optional<std::string> maximum) {
  config::Dependency d;
  d.name = std::move(name);
  d.minimum_version = std::move(minimum);
  d.maximum_version = std::move(maximum);
  d.mark = {7, 5};
  return d;
}

TEST(Requirement, NameAndBounds) {
  EXPECT_EQ(requirement(dependency("pirogue", "3.0.0", "3.9")), "pirogue>=3.0.0,<=3.9");
  EXPECT_EQ(requirement(dependency("pirogue", "3.0.0", std::nullopt)), "pirogue>=3.0.0");
  EXPECT_EQ(requirement(dependency("pirogue", std::nullopt, "3.9")), "pirogue<=3.9");
  EXPECT_EQ(requirement(dependency("pirogue", std::nullopt, std::nullopt)), "pirogue");
}

TEST(DependencyProblem, SatisfiedBoundsAreInclusive) {
  auto config = make_config();
  auto d = dependency("psycopg", "3.1", "3.1.7");
  EXPECT_FALSE(dependency_problem(config, d, "3.1.0", kPython));
  EXPECT_FALSE(dependency_problem(config, d, "3.1.7", kPython));
  EXPECT_FALSE(
      dependency_problem(config, dependency("x", std::nullopt, std::nullopt), "0.0.1", kPython));
}

TEST(DependencyProblem, PEP440Ordering) {
  auto config = make_config();
  // 3.10 is above 3.9 (numeric), a pre-release is below its release, a post-release above it.
  EXPECT_FALSE(dependency_problem(config, dependency("x", "3.9", std::nullopt), "3.10", kPython));
  EXPECT_TRUE(dependency_problem(config, dependency("x", "3.0", std::nullopt), "3.0rc1", kPython));
  EXPECT_TRUE(
      dependency_problem(config, dependency("x", std::nullopt, "3.0"), "3.0.post1", kPython));
}

TEST(DependencyProblem, NotInstalled) {
  auto config = make_config();
  auto error = dependency_problem(config, dependency("Pirogue_Tools", "3.0.0", "3.9"), std::nullopt,
                                  kPython);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->what(), ".pum.yaml:7:5: Python dependency 'Pirogue_Tools' is not installed");
  ASSERT_EQ(error->hints().size(), 1U);
  EXPECT_EQ(error->hints()[0],
            "pum installs nothing itself: install Pirogue_Tools>=3.0.0,<=3.9 for Python 3.11.2 "
            "(/usr), e.g. `apt install python3-pirogue-tools` if your distribution packages it "
            "under that name (`apt-cache search Pirogue_Tools`), or `pip install "
            "'Pirogue_Tools>=3.0.0,<=3.9'`");
}

TEST(DependencyProblem, TooLow) {
  auto config = make_config();
  auto error =
      dependency_problem(config, dependency("pirogue", "3.0.0", std::nullopt), "2.9.1", kPython);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->what(),
            ".pum.yaml:7:5: Python dependency 'pirogue' is installed in version 2.9.1, which is "
            "lower than the minimum required 3.0.0");
}

TEST(DependencyProblem, TooHigh) {
  auto config = make_config();
  auto error = dependency_problem(config, dependency("pirogue", "1", "2.0"), "2.0.1", kPython);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->what(),
            ".pum.yaml:7:5: Python dependency 'pirogue' is installed in version 2.0.1, which is "
            "higher than the maximum allowed 2.0");
}

TEST(DependencyProblem, UnparsableInstalledVersion) {
  auto config = make_config();
  auto error =
      dependency_problem(config, dependency("odd", "1.0", std::nullopt), "unknown-build", kPython);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->what(),
            ".pum.yaml:7:5: Python dependency 'odd' is installed in version 'unknown-build', which "
            "is not a PEP 440 version and cannot be compared with the required odd>=1.0");
}

}  // namespace
}  // namespace pum::hooks::test
