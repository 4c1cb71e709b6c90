#include "pum/fleet/targets_file.hpp"

#include <gtest/gtest.h>

#include "pum/util/error.hpp"

using pum::fleet::parse_targets;

namespace {

// The message of the error parse_targets throws, or "" when it does not throw.
std::string error_of(const std::string& yaml) {
  try {
    parse_targets(yaml, "fleet.yaml");
  } catch (const pum::Error& e) {
    std::string text = e.what();
    for (const auto& [label, detail] : e.details()) text += "\n" + label + ": " + detail;
    for (const auto& hint : e.hints()) text += "\nhint: " + hint;
    return text;
  }
  return "";
}

}  // namespace

TEST(FleetTargetsFile, BareConnectionsAndMappingsWithDefaults) {
  const auto targets = parse_targets(
      "defaults:\n"
      "  parameters: {SRID: 2056, lang: fr}\n"
      "  env: production\n"
      "  environment: {PGSSLMODE: require}\n"
      "targets:\n"
      "  - lausanne\n"
      "  - name: geneve\n"
      "    pg: \"host=db2 dbname=geneve password=secret\"\n"
      "    parameters: {lang: de}\n"
      "    env: staging\n",
      "fleet.yaml");
  ASSERT_EQ(targets.size(), 2U);
  EXPECT_EQ(targets[0].name, "lausanne");
  EXPECT_EQ(targets[0].pg_connection, "lausanne");
  EXPECT_EQ(targets[0].env, "production");
  EXPECT_EQ(targets[0].environment.at(0).second, "require");
  EXPECT_EQ(targets[1].name, "geneve");
  EXPECT_EQ(targets[1].env, "staging");
  ASSERT_EQ(targets[1].parameters.size(), 2U);
  EXPECT_EQ(targets[1].parameters[0], (std::pair<std::string, std::string>{"SRID", "2056"}));
  EXPECT_EQ(targets[1].parameters[1], (std::pair<std::string, std::string>{"lang", "de"}))
      << "a target's own value replaces the default in place";
}

TEST(FleetTargetsFile, UnnamedTargetIsNamedByItsConnectionWithoutThePassword) {
  const auto targets =
      parse_targets("targets:\n  - pg: \"dbname=a password=hunter2\"\n    schema: t1\n", "f");
  ASSERT_EQ(targets.size(), 1U);
  EXPECT_EQ(targets[0].name.find("hunter2"), std::string::npos) << targets[0].name;
  EXPECT_NE(targets[0].name.find("/t1"), std::string::npos) << targets[0].name;
}

TEST(FleetTargetsFile, EveryMistakeAtOnceWithPositions) {
  const std::string message = error_of(
      "targets:\n"
      "  - name: a\n"
      "    pgg: x\n"
      "  - name: b\n"
      "    pg: y\n"
      "    environment: {1BAD: v}\n");
  EXPECT_NE(message.find("fleet.yaml:3:"), std::string::npos) << message;
  EXPECT_NE(message.find("pgg"), std::string::npos) << message;
  EXPECT_NE(message.find("fleet.yaml:6:"), std::string::npos) << message;
  EXPECT_NE(message.find("not an environment variable name"), std::string::npos) << message;
}

TEST(FleetTargetsFile, DuplicateNamesEmptyListsAndEmptyFiles) {
  EXPECT_NE(error_of("targets:\n  - a\n  - a\n").find("two targets are named 'a'"),
            std::string::npos);
  EXPECT_NE(error_of("targets: []\n").find("one or more"), std::string::npos);
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of("targets:\n  - [a, b]\n").find("a target must be"), std::string::npos);
  EXPECT_NE(error_of("target:\n  - a\n").find("target"), std::string::npos);
}
