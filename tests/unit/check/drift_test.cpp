// The pure parts of drift and of reading: recorded parameters as -p values, scratch database
// names, array literals.
#include "pum/check/drift.hpp"

#include <gtest/gtest.h>

#include "pum/check/read_snapshot.hpp"
#include "pum/check/scratch_database.hpp"

namespace pum::check {
namespace {

config::ParameterDef parameter(const std::string& name, config::ParamType type) {
  config::ParameterDef def;
  def.name = name;
  def.type = type;
  return def;
}

TEST(RecordedParameters, DeclaredOnesAsCommandLineText) {
  config::Config config;
  config.parameters = {parameter("srid", config::ParamType::integer),
                       parameter("label", config::ParamType::text),
                       parameter("enabled", config::ParamType::boolean),
                       parameter("ratio", config::ParamType::decimal),
                       parameter("later", config::ParamType::text),
                       parameter("none", config::ParamType::text)};
  auto recorded = nlohmann::json::parse(
      R"({"srid": 2056.0, "label": "it's", "enabled": true, "ratio": 0.5, "gone": 1,
          "none": null})");
  EXPECT_EQ(recorded_parameters(config, recorded),
            (run::ParameterArgs{
                {"srid", "2056"}, {"label", "it's"}, {"enabled", "true"}, {"ratio", "0.5"}}));
  EXPECT_TRUE(recorded_parameters(config, nlohmann::json()).empty());
}

TEST(ScratchDatabase, NamesSayWhatTheyAre) {
  std::string name = ScratchDatabase::make_name("Prod-DB.2026 with a very long name indeed ok");
  EXPECT_EQ(name.substr(0, 41), "pum_drift_proddb2026withaverylongnameind_");
  EXPECT_EQ(name.size(), 49U);
  EXPECT_LE(name.size(), 63U);  // NAMEDATALEN - 1
  EXPECT_NE(ScratchDatabase::make_name("x"), ScratchDatabase::make_name("x"));
}

TEST(TextArrayLiteral, QuotesEveryItem) {
  EXPECT_EQ(text_array_literal({}), "{}");
  EXPECT_EQ(text_array_literal({"public", "a \"b\"", "c\\d", "e,f"}),
            R"({"public","a \"b\"","c\\d","e,f"})");
}

}  // namespace
}  // namespace pum::check
