// The parameter set of a run: command line > stored at install (non-app_only) > default, and
// pum's consistency rule (decision Q16).
#include "pum/run/parameters.hpp"

#include <gtest/gtest.h>

namespace pum::run {
namespace {

config::Config make_config() {
  config::Config config;
  config.display_file = ".pum.yaml";
  config::ParameterDef srid;
  srid.name = "SRID";
  srid.type = config::ParamType::integer;
  srid.default_value = Value{std::int64_t{2056}};
  config::ParameterDef lang;
  lang.name = "lang";
  lang.type = config::ParamType::text;
  lang.default_value = Value{std::string("en")};
  lang.app_only = true;
  config.parameters = {srid, lang};
  return config;
}

TEST(ResolveParameters, DefaultsWithoutCommandLineOrStoredValues) {
  auto config = make_config();
  auto resolved = resolve_parameters(config, {}, nullptr);
  EXPECT_EQ(resolved.values.at("SRID"), Value{std::int64_t{2056}});
  EXPECT_EQ(resolved.values.at("lang"), Value{std::string("en")});
  EXPECT_TRUE(resolved.from_cli.empty());
}

TEST(ResolveParameters, CommandLineIsCoercedToTheDeclaredType) {
  auto config = make_config();
  auto resolved = resolve_parameters(config, {{"SRID", "21781"}}, nullptr);
  EXPECT_EQ(resolved.values.at("SRID"), Value{std::int64_t{21781}});
  EXPECT_EQ(resolved.from_cli, (std::set<std::string>{"SRID"}));
}

TEST(ResolveParameters, StoredValueWinsOverAChangedDefaultButNotForAppOnly) {
  auto config = make_config();
  nlohmann::json stored = {{"SRID", 21781}, {"lang", "fr"}};
  auto resolved = resolve_parameters(config, {}, &stored);
  EXPECT_EQ(resolved.values.at("SRID"), Value{std::int64_t{21781}});
  EXPECT_EQ(resolved.values.at("lang"), Value{std::string("en")});
}

TEST(ResolveParameters, UnknownParameterIsAnError) {
  auto config = make_config();
  try {
    resolve_parameters(config, {{"nope", "1"}}, nullptr);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "Unknown parameter: nope");
    ASSERT_FALSE(e.hints().empty());
    EXPECT_EQ(e.hints()[0], "parameters declared in .pum.yaml: SRID, lang");
  }
}

TEST(CheckConsistency, DifferentNonAppOnlyValueIsRefused) {
  auto config = make_config();
  nlohmann::json stored = {{"SRID", 2056}};
  auto resolved = resolve_parameters(config, {{"SRID", "21781"}}, &stored);
  try {
    check_consistency(config, resolved, &stored);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.what().find("Parameter 'SRID' has value 21781 but was previously set to 2056"),
              std::string::npos)
        << e.what();
    EXPECT_NE(e.what().find("must remain consistent"), std::string::npos);
  }
}

TEST(CheckConsistency, EqualValuesAndAppOnlyChangesPass) {
  auto config = make_config();
  nlohmann::json stored = {{"SRID", 2056.0}, {"lang", "fr"}};
  auto resolved = resolve_parameters(config, {{"SRID", "2056"}, {"lang", "de"}}, &stored);
  EXPECT_NO_THROW(check_consistency(config, resolved, &stored));
}

TEST(ChangelogParameters, LeaveOutAppOnly) {
  auto config = make_config();
  auto resolved = resolve_parameters(config, {}, nullptr);
  auto only = changelog_parameters(config, resolved.values);
  EXPECT_EQ(only.size(), 1U);
  EXPECT_EQ(only.count("SRID"), 1U);
}

}  // namespace
}  // namespace pum::run
