// -p NAME VALUE on the command line, and values stored elsewhere, coerced to the declared type.
#include "pum/config/coerce.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "pum/util/error.hpp"

namespace pum::config {
namespace {

ParameterDef def(ParamType type, std::optional<std::vector<Value>> values = std::nullopt) {
  return ParameterDef{.name = std::string("P"), .type = type, .values = std::move(values)};
}

Error cli_error(const ParameterDef& d, std::string_view text) {
  try {
    (void)coerce_cli_value(d, text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for '" << text << "'";
  return Error("no error");
}

TEST(CoerceCli, Integer) {
  const ParameterDef d = def(ParamType::integer);
  EXPECT_EQ(coerce_cli_value(d, "2056"), Value{std::int64_t{2056}});
  EXPECT_EQ(coerce_cli_value(d, "-3"), Value{std::int64_t{-3}});
  EXPECT_EQ(coerce_cli_value(d, "+7"), Value{std::int64_t{7}});
  for (const char* bad : {"", "12abc", "1.5", " 1", "0x10", "+-1", "99999999999999999999"}) {
    const Error e = cli_error(d, bad);
    EXPECT_EQ(e.what(), "invalid value '" + std::string(bad) +
                            "' for parameter 'P': expected an "
                            "integer");
    EXPECT_FALSE(e.location().known());
    ASSERT_EQ(e.hints().size(), 1U);
    EXPECT_EQ(e.hints()[0], "pass a whole number such as 42");
  }
}

TEST(CoerceCli, Decimal) {
  const ParameterDef d = def(ParamType::decimal);
  EXPECT_EQ(coerce_cli_value(d, "1.5"), Value{1.5});
  EXPECT_EQ(coerce_cli_value(d, "2"), Value{2.0});
  EXPECT_EQ(coerce_cli_value(d, "-1e3"), Value{-1000.0});
  EXPECT_EQ(coerce_cli_value(d, "+.5"), Value{0.5});
  EXPECT_TRUE(std::isinf(std::get<double>(coerce_cli_value(d, "inf"))));
  const Error e = cli_error(d, "1,5");
  EXPECT_EQ(e.what(), "invalid value '1,5' for parameter 'P': expected a decimal number");
  EXPECT_EQ(e.hints().at(0), "pass a number such as 1.5");
}

TEST(CoerceCli, Boolean) {
  const ParameterDef d = def(ParamType::boolean);
  for (const char* text : {"true", "TRUE", "True", "1", "yes", "YES"}) {
    EXPECT_EQ(coerce_cli_value(d, text), Value{true}) << text;
  }
  for (const char* text : {"false", "FALSE", "0", "no", "No", "off", "OFF"}) {
    EXPECT_EQ(coerce_cli_value(d, text), Value{false}) << text;
  }
  // pum 1.8 silently takes anything else as false, "on" included: refused, never different.
  for (const char* text : {"maybe", "on", "ON", ""}) {
    const Error e = cli_error(d, text);
    EXPECT_EQ(e.what(),
              std::string("invalid value '") + text + "' for parameter 'P': expected a boolean");
    EXPECT_EQ(e.hints().at(0), "pass true or false (yes/no and 1/0 work too)");
  }
}

TEST(CoerceCli, TextAndPathAreTakenAsGiven) {
  EXPECT_EQ(coerce_cli_value(def(ParamType::text), " 42 "), Value{std::string(" 42 ")});
  EXPECT_EQ(coerce_cli_value(def(ParamType::text), ""), Value{std::string("")});
  EXPECT_EQ(coerce_cli_value(def(ParamType::path), "/data/x.csv"),
            Value{std::string("/data/x.csv")});
}

TEST(CoerceCli, AllowedValues) {
  const ParameterDef srid = def(ParamType::integer, std::vector<Value>{Value{std::int64_t{2056}},
                                                                       Value{std::int64_t{21781}}});
  EXPECT_EQ(coerce_cli_value(srid, "21781"), Value{std::int64_t{21781}});
  const Error e = cli_error(srid, "4326");
  EXPECT_EQ(e.what(), "Parameter 'P' value '4326' is not allowed. Allowed values: [2056, 21781]");
  EXPECT_FALSE(e.location().known());
  EXPECT_EQ(e.hints().at(0),
            "pass one of the values listed under 'values' of parameter 'P' in the configuration");

  const ParameterDef lang =
      def(ParamType::text, std::vector<Value>{Value{std::string("en")}, Value{std::string("fr")}});
  EXPECT_EQ(coerce_cli_value(lang, "fr"), Value{std::string("fr")});
  EXPECT_EQ(cli_error(lang, "EN").what(),
            "Parameter 'P' value 'EN' is not allowed. Allowed values: ['en', 'fr']");
}

TEST(CoerceValue, ToInteger) {
  const ParameterDef d = def(ParamType::integer);
  EXPECT_EQ(coerce_value(d, Value{std::int64_t{5}}), Value{std::int64_t{5}});
  EXPECT_EQ(coerce_value(d, Value{2056.0}), Value{std::int64_t{2056}});
  EXPECT_EQ(coerce_value(d, Value{std::string("12")}), Value{std::int64_t{12}});
  EXPECT_EQ(coerce_value(d, Value{}), Value{});
  EXPECT_EQ(coerce_value(d, Value{2056.5}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{1e300}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{true}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{std::string("twelve")}), std::nullopt);
}

TEST(CoerceValue, ToDecimal) {
  const ParameterDef d = def(ParamType::decimal);
  EXPECT_EQ(coerce_value(d, Value{std::int64_t{2}}), Value{2.0});
  EXPECT_EQ(coerce_value(d, Value{0.25}), Value{0.25});
  EXPECT_EQ(coerce_value(d, Value{std::string("1e3")}), Value{1000.0});
  EXPECT_EQ(coerce_value(d, Value{false}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{std::string("")}), std::nullopt);
}

TEST(CoerceValue, ToBoolean) {
  const ParameterDef d = def(ParamType::boolean);
  EXPECT_EQ(coerce_value(d, Value{true}), Value{true});
  EXPECT_EQ(coerce_value(d, Value{std::int64_t{1}}), Value{true});
  EXPECT_EQ(coerce_value(d, Value{std::int64_t{0}}), Value{false});
  EXPECT_EQ(coerce_value(d, Value{std::string("true")}), Value{true});
  // pum 1.8 reads these strings as false: refused rather than read differently.
  EXPECT_EQ(coerce_value(d, Value{std::string("Yes")}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{std::string("True")}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{std::string("off")}), Value{false});
  EXPECT_EQ(coerce_value(d, Value{std::int64_t{2}}), std::nullopt);
  EXPECT_EQ(coerce_value(d, Value{std::string("maybe")}), std::nullopt);
}

TEST(CoerceValue, ToText) {
  for (ParamType type : {ParamType::text, ParamType::path}) {
    const ParameterDef d = def(type);
    EXPECT_EQ(coerce_value(d, Value{std::string("x")}), Value{std::string("x")});
    EXPECT_EQ(coerce_value(d, Value{std::int64_t{42}}), Value{std::string("42")});
    EXPECT_EQ(coerce_value(d, Value{true}), Value{std::string("true")});
    EXPECT_EQ(coerce_value(d, Value{2056.0}), Value{std::string("2056.0")});
    EXPECT_EQ(coerce_value(d, Value{}), Value{});
  }
}

TEST(CoerceValue, AllowedValuesCheck) {
  const ParameterDef d = def(ParamType::decimal, std::vector<Value>{Value{1.5}, Value{2.0}});
  EXPECT_TRUE(is_allowed_value(d, Value{2.0}));
  EXPECT_TRUE(is_allowed_value(d, Value{}));
  EXPECT_FALSE(is_allowed_value(d, Value{3.0}));
  EXPECT_TRUE(is_allowed_value(def(ParamType::text), Value{std::string("any")}));
  EXPECT_EQ(format_values(*d.values), "[1.5, 2.0]");
}

TEST(ParamTypeNames, RoundTrip) {
  for (ParamType type : {ParamType::boolean, ParamType::integer, ParamType::text,
                         ParamType::decimal, ParamType::path}) {
    EXPECT_EQ(param_type_from_string(to_string(type)), type);
  }
  EXPECT_EQ(param_type_from_string("Integer"), std::nullopt);
  EXPECT_EQ(param_type_names(),
            (std::vector<std::string>{"boolean", "integer", "text", "decimal", "path"}));
}

}  // namespace
}  // namespace pum::config
