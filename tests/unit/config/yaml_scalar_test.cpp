// Plain scalars are typed as PyYAML (YAML 1.1) types them; quoted ones stay strings.
#include "pum/config/yaml_scalar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "pum/config/yaml_document.hpp"

namespace pum::config {
namespace {

ScalarType type_of(std::string_view text) { return resolve_plain_scalar(text).type; }
std::int64_t int_of(std::string_view text) {
  return std::get<std::int64_t>(resolve_plain_scalar(text).value);
}
double float_of(std::string_view text) {
  return std::get<double>(resolve_plain_scalar(text).value);
}

TEST(YamlScalar, NullSpellings) {
  for (const char* text : {"", "~", "null", "Null", "NULL"}) {
    EXPECT_EQ(type_of(text), ScalarType::null) << text;
  }
  EXPECT_EQ(type_of("nULL"), ScalarType::text);
}

TEST(YamlScalar, BooleansInTheThreeYaml11Cases) {
  for (const char* text : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}) {
    auto typed = resolve_plain_scalar(text);
    ASSERT_EQ(typed.type, ScalarType::boolean) << text;
    EXPECT_TRUE(std::get<bool>(typed.value)) << text;
  }
  for (const char* text : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}) {
    auto typed = resolve_plain_scalar(text);
    ASSERT_EQ(typed.type, ScalarType::boolean) << text;
    EXPECT_FALSE(std::get<bool>(typed.value)) << text;
  }
  // PyYAML leaves mixed case and single letters as text.
  for (const char* text : {"yEs", "tRUE", "y", "n"}) EXPECT_EQ(type_of(text), ScalarType::text);
}

TEST(YamlScalar, Integers) {
  EXPECT_EQ(int_of("2056"), 2056);
  EXPECT_EQ(int_of("-5"), -5);
  EXPECT_EQ(int_of("+5"), 5);
  EXPECT_EQ(int_of("0"), 0);
  EXPECT_EQ(int_of("-0"), 0);
  EXPECT_EQ(int_of("1_000"), 1000);
  EXPECT_EQ(int_of("010"), 8);  // YAML 1.1 octal
  EXPECT_EQ(int_of("0x1F"), 31);
  EXPECT_EQ(int_of("-0x10"), -16);
  EXPECT_EQ(int_of("0b101"), 5);
  EXPECT_EQ(int_of("1:30"), 90);  // base 60
  EXPECT_EQ(int_of("9223372036854775807"), INT64_MAX);
}

TEST(YamlScalar, NotIntegers) {
  for (const char* text : {"08", "0o10", "_1", "0b", "0x", "12:60", "1.2.3"}) {
    EXPECT_EQ(type_of(text), ScalarType::text) << text;
  }
  // Too large for 64 bits: kept as text rather than wrapped.
  EXPECT_EQ(type_of("99999999999999999999"), ScalarType::text);
}

TEST(YamlScalar, Decimals) {
  EXPECT_DOUBLE_EQ(float_of("1.5"), 1.5);
  EXPECT_DOUBLE_EQ(float_of("-1.5"), -1.5);
  EXPECT_DOUBLE_EQ(float_of("1."), 1.0);
  EXPECT_DOUBLE_EQ(float_of(".5"), 0.5);
  EXPECT_DOUBLE_EQ(float_of("1.0e+3"), 1000.0);
  EXPECT_DOUBLE_EQ(float_of("+1_0.5_"), 10.5);
  EXPECT_DOUBLE_EQ(float_of("1:30.5"), 90.5);
  EXPECT_TRUE(std::isinf(float_of(".inf")));
  EXPECT_LT(float_of("-.Inf"), 0);
  EXPECT_TRUE(std::isnan(float_of(".NaN")));
}

TEST(YamlScalar, WhatYaml11LeavesAsText) {
  // A YAML 1.1 float needs a dot, and a signed exponent.
  for (const char* text : {"1e3", "1.0e3", "1e+3", "-.5", "+.5", "abc", "2024-01-01"}) {
    EXPECT_EQ(type_of(text), ScalarType::text) << text;
  }
}

TEST(YamlScalar, QuotedAndBlockScalarsAreStrings) {
  const auto doc =
      YamlDocument::parse("a: '2056'\nb: \"yes\"\nc: |\n  42\nd: !!str 1.5\n", "t.yaml");
  for (const char* key : {"a", "b", "c", "d"}) {
    EXPECT_EQ(typed_scalar(doc, doc.root()[key]).type, ScalarType::text) << key;
  }
  EXPECT_EQ(std::get<std::string>(typed_scalar(doc, doc.root()["b"]).value), "yes");
}

TEST(YamlScalar, CoreTags) {
  const auto doc = YamlDocument::parse("a: !!float 1\nb: !!int 12\nc: !!int abc\n", "t.yaml");
  auto a = typed_scalar(doc, doc.root()["a"]);
  ASSERT_EQ(a.type, ScalarType::decimal);
  EXPECT_DOUBLE_EQ(std::get<double>(a.value), 1.0);
  EXPECT_EQ(std::get<std::int64_t>(typed_scalar(doc, doc.root()["b"]).value), 12);
  try {
    (void)typed_scalar(doc, doc.root()["c"]);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "t.yaml:3:4: 'abc' cannot be read as !!int");
  }
}

TEST(YamlScalar, CustomTagsAreRefused) {
  const auto doc = YamlDocument::parse("a: !secret x\n", "t.yaml");
  try {
    (void)typed_scalar(doc, doc.root()["a"]);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.what(), "t.yaml:1:4: unsupported YAML tag '!secret'");
    EXPECT_FALSE(e.hints().empty());
  }
}

}  // namespace
}  // namespace pum::config
