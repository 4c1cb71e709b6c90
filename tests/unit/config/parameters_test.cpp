// `parameters:` — names, types, defaults coerced to the declared type (decision Q9), values.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "pum/config/config.hpp"
#include "temp_module.hpp"

namespace pum::config::test {
namespace {

const std::string kHead = "pum:\n  module: a\nparameters:\n";

// The single parameter declared by `entry` (the lines after "parameters:").
ParameterDef parameter(const TempModule& module, const std::string& entry) {
  const Config config = module.load(kHead + entry);
  EXPECT_EQ(config.parameters.size(), 1U);
  return config.parameters.at(0);
}

TEST(Parameters, TypesAndFields) {
  TempModule module;
  const Config config = module.load(kHead +
                                    "  - name: SRID\n"
                                    "    type: integer\n"
                                    "    default: 2056\n"
                                    "    description: CRS\n"
                                    "  - name: comment\n"
                                    "    app_only: yes\n");
  ASSERT_EQ(config.parameters.size(), 2U);
  const ParameterDef& srid = config.parameters[0];
  EXPECT_EQ(srid.name, "SRID");
  EXPECT_EQ(srid.type, ParamType::integer);
  EXPECT_EQ(to_string(srid.type), "integer");
  EXPECT_EQ(srid.default_value, Value{std::int64_t{2056}});
  EXPECT_EQ(srid.description, "CRS");
  EXPECT_FALSE(srid.app_only);
  EXPECT_EQ(srid.values, std::nullopt);
  EXPECT_EQ(srid.mark.line, 4);
  EXPECT_EQ(srid.mark.column, 5);
  const ParameterDef& comment = config.parameters[1];
  EXPECT_EQ(comment.type, ParamType::text);  // the default type
  EXPECT_EQ(to_string(comment.type), "text");
  EXPECT_EQ(comment.default_value, Value{});
  EXPECT_TRUE(comment.app_only);
  EXPECT_EQ(config.find_parameter("SRID"), &config.parameters[0]);
  EXPECT_EQ(config.find_parameter("srid"), nullptr);
}

TEST(Parameters, NameIsRequired) {
  TempModule module;
  const Error e = module.error(kHead + "  - type: integer\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:5: missing required key 'name' in a parameter");
  EXPECT_EQ(first_hint(e), "add 'name: <name>' to this parameter; SQL files refer to it as {name}");
}

TEST(Parameters, NameMustBeAnIdentifier) {
  TempModule module;
  for (const char* name : {"my-param", "2nd", "'a b'", "'{x}'", "''"}) {
    const Error e = module.error(kHead + "  - name: " + name + "\n");
    EXPECT_EQ(e.what().rfind(".pum.yaml:4:11: parameter name '", 0), 0U) << e.what();
    EXPECT_NE(e.what().find("' is not a valid identifier"), std::string::npos) << e.what();
    EXPECT_EQ(first_hint(e),
              "use letters, digits and underscores, not starting with a digit: the name is "
              "written {name} in SQL and is an argument name in Python hooks");
  }
  const Error e = module.error(kHead + "  - name: my-param\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:11: parameter name 'my-param' is not a valid identifier");
  EXPECT_EQ(parameter(module, "  - name: _x9\n").name, "_x9");
}

TEST(Parameters, NameMustBeAString) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: 42\n");
  EXPECT_EQ(e.what(), ".pum.yaml:4:11: 'name' must be a string, found an integer (42)");
}

TEST(Parameters, DuplicateNames) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: SRID\n  - name: x\n  - name: SRID\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:11: duplicate parameter 'SRID' (first declared at line 4)");
  EXPECT_EQ(first_hint(e), "rename or remove one of them");
}

TEST(Parameters, UnknownType) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: SRID\n    type: int\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:11: unknown parameter type 'int'");
  ASSERT_EQ(e.hints().size(), 2U);
  EXPECT_EQ(e.hints()[0], "did you mean 'integer'?");
  EXPECT_EQ(e.hints()[1], "valid types: boolean, integer, text, decimal, path");
}

TEST(Parameters, UnknownTypeNamedAsOtherToolsNameIt) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: ratio\n    type: float\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:11: unknown parameter type 'float'");
  EXPECT_EQ(first_hint(e), "did you mean 'decimal'?");
  EXPECT_EQ(first_hint(module.error(kHead + "  - name: s\n    type: string\n")),
            "did you mean 'text'?");
  EXPECT_EQ(first_hint(module.error(kHead + "  - name: s\n    type: Integer\n")),
            "did you mean 'integer'?");
}

TEST(Parameters, UnknownKey) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: SRID\n    defualt: 1\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:5: unknown key 'defualt'");
  EXPECT_EQ(first_hint(e), "did you mean 'default'?");
  EXPECT_EQ(e.hints()[1],
            "valid keys in a parameter: name, type, default, description, values, app_only");
}

TEST(Parameters, IntegerDefaults) {
  TempModule module;
  auto def = [&](const std::string& value) {
    return parameter(module, "  - name: n\n    type: integer\n    default: " + value + "\n")
        .default_value;
  };
  EXPECT_EQ(def("2056"), Value{std::int64_t{2056}});
  EXPECT_EQ(def("'2056'"), Value{std::int64_t{2056}});
  EXPECT_EQ(def("\"-3\""), Value{std::int64_t{-3}});
  EXPECT_EQ(def("2056.0"), Value{std::int64_t{2056}});
  EXPECT_EQ(def("0x10"), Value{std::int64_t{16}});
  EXPECT_EQ(def("~"), Value{});
}

TEST(Parameters, IntegerDefaultThatIsNotAnInteger) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: SRID\n    type: integer\n    default: abc\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:14: default 'abc' of parameter 'SRID' is not an integer");
  EXPECT_EQ(first_hint(e), "write a whole number such as 2056, or change the parameter's 'type'");
  EXPECT_EQ(e.location().line_text, "    default: abc");
  for (const char* value : {"1.5", "true", "'12abc'", "1e3"}) {
    const Error bad =
        module.error(kHead + "  - name: SRID\n    type: integer\n    default: " + value + "\n");
    EXPECT_EQ(bad.what().rfind(".pum.yaml:6:14: default ", 0), 0U) << bad.what();
  }
}

TEST(Parameters, DefaultMustBeASingleValue) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: SRID\n    default: [1, 2]\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:14: default of parameter 'SRID' must be a single value, found "
            "a list");
  EXPECT_EQ(first_hint(e), "write one value; the allowed choices go under 'values'");
}

TEST(Parameters, DecimalDefaults) {
  TempModule module;
  auto def = [&](const std::string& value) {
    return parameter(module, "  - name: d\n    type: decimal\n    default: " + value + "\n")
        .default_value;
  };
  EXPECT_EQ(def("1.5"), Value{1.5});
  EXPECT_EQ(def("2"), Value{2.0});
  EXPECT_EQ(def("'0.25'"), Value{0.25});
  EXPECT_EQ(def("1e3"), Value{1000.0});  // text in YAML 1.1, a number once coerced
  const Error e = module.error(kHead + "  - name: d\n    type: decimal\n    default: wide\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:14: default 'wide' of parameter 'd' is not a decimal number");
  EXPECT_EQ(first_hint(e), "write a number such as 1.5, or change the parameter's 'type'");
}

TEST(Parameters, BooleanDefaults) {
  TempModule module;
  auto def = [&](const std::string& value) {
    return parameter(module, "  - name: b\n    type: boolean\n    default: " + value + "\n")
        .default_value;
  };
  EXPECT_EQ(def("true"), Value{true});
  EXPECT_EQ(def("yes"), Value{true});
  // pum 1.8 would silently take false for these quoted words: refused instead.
  for (const char* word : {"'True'", "'on'", "'yes'"}) {
    const Error e =
        module.error(kHead + "  - name: b\n    type: boolean\n    default: " + word + "\n");
    EXPECT_NE(e.what().find("is not a boolean"), std::string::npos) << word;
  }
  EXPECT_EQ(def("1"), Value{true});
  EXPECT_EQ(def("'1'"), Value{true});
  EXPECT_EQ(def("off"), Value{false});
  EXPECT_EQ(def("0"), Value{false});
  EXPECT_EQ(def("'NO'"), Value{false});
  // No default: false, as in pum 1.8.
  EXPECT_EQ(parameter(module, "  - name: b\n    type: boolean\n").default_value, Value{false});
  const Error e = module.error(kHead + "  - name: b\n    type: boolean\n    default: maybe\n");
  EXPECT_EQ(e.what(), ".pum.yaml:6:14: default 'maybe' of parameter 'b' is not a boolean");
  EXPECT_EQ(first_hint(e), "write true or false, or change the parameter's 'type'");
  const Error two = module.error(kHead + "  - name: b\n    type: boolean\n    default: 2\n");
  EXPECT_EQ(two.what(), ".pum.yaml:6:14: default '2' of parameter 'b' is not a boolean");
}

TEST(Parameters, TextAndPathDefaultsKeepTheYamlText) {
  TempModule module;
  auto def = [&](const std::string& type, const std::string& value) {
    return parameter(module, "  - name: t\n    type: " + type + "\n    default: " + value + "\n")
        .default_value;
  };
  EXPECT_EQ(def("text", "en"), Value{std::string("en")});
  EXPECT_EQ(def("text", "2056"), Value{std::string("2056")});
  EXPECT_EQ(def("text", "1.50"), Value{std::string("1.50")});
  EXPECT_EQ(def("text", "yes"), Value{std::string("yes")});
  EXPECT_EQ(def("text", "''"), Value{std::string("")});
  EXPECT_EQ(def("text", "null"), Value{});
  EXPECT_EQ(def("path", "data/x.csv"), Value{std::string("data/x.csv")});
}

TEST(Parameters, ValuesAreCoerced) {
  TempModule module;
  const ParameterDef srid = parameter(
      module,
      "  - name: SRID\n    type: integer\n    default: '2056'\n    values: [2056, '21781']\n");
  ASSERT_TRUE(srid.values.has_value());
  EXPECT_EQ(*srid.values,
            (std::vector<Value>{Value{std::int64_t{2056}}, Value{std::int64_t{21781}}}));
  EXPECT_EQ(srid.default_value, Value{std::int64_t{2056}});
  const ParameterDef lang =
      parameter(module, "  - name: lang\n    values:\n      - en\n      - 1\n");
  EXPECT_EQ(*lang.values, (std::vector<Value>{Value{std::string("en")}, Value{std::string("1")}}));
  // An empty list restricts nothing.
  EXPECT_EQ(parameter(module, "  - name: x\n    values: []\n").values, std::nullopt);
}

TEST(Parameters, ValueThatDoesNotFitTheType) {
  TempModule module;
  const Error e = module.error(kHead +
                               "  - name: SRID\n    type: integer\n    values:\n"
                               "      - 2056\n      - CH1903\n");
  EXPECT_EQ(e.what(), ".pum.yaml:8:9: value 'CH1903' of parameter 'SRID' is not an integer");
  const Error list = module.error(kHead + "  - name: SRID\n    values: 2056\n");
  EXPECT_EQ(list.what(), ".pum.yaml:5:13: 'values' must be a list, found an integer (2056)");
}

TEST(Parameters, DefaultNotInValues) {
  TempModule module;
  const Error e = module.error(kHead +
                               "  - name: lang\n    default: es\n"
                               "    values: [en, de, fr, it]\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:14: default value 'es' of parameter 'lang' is not in its "
            "allowed values: ['en', 'de', 'fr', 'it']");
  EXPECT_EQ(first_hint(e), "set 'default' to one of the allowed values, or add it to 'values'");
  const Error number = module.error(kHead +
                                    "  - name: SRID\n    type: integer\n"
                                    "    default: 2057\n    values: [2056, 21781]\n");
  EXPECT_EQ(number.what(),
            ".pum.yaml:6:14: default value 2057 of parameter 'SRID' is not in its "
            "allowed values: [2056, 21781]");
}

TEST(Parameters, AppOnlyMustBeABoolean) {
  TempModule module;
  // pum 1.8 (pydantic) takes these too.
  EXPECT_TRUE(parameter(module, "  - name: x\n    app_only: 'true'\n").app_only);
  EXPECT_TRUE(parameter(module, "  - name: x\n    app_only: 1\n").app_only);
  EXPECT_FALSE(parameter(module, "  - name: x\n    app_only: 'no'\n").app_only);
  const Error e = module.error(kHead + "  - name: x\n    app_only: sometimes\n");
  EXPECT_EQ(e.what(),
            ".pum.yaml:5:15: 'app_only' must be true or false, found a string ('sometimes')");
  EXPECT_EQ(first_hint(e), "write true or false");
}

TEST(Parameters, DescriptionMustBeAString) {
  TempModule module;
  const Error e = module.error(kHead + "  - name: x\n    description: [a]\n");
  EXPECT_EQ(e.what(), ".pum.yaml:5:18: 'description' must be a string, found a list");
}

}  // namespace
}  // namespace pum::config::test
