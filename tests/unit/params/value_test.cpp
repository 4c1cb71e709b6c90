#include "pum/params/value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "pum/util/error.hpp"

namespace pum {
namespace {

TEST(RenderLiteral, NullAndBooleans) {
  EXPECT_EQ(render_literal(std::monostate{}), "NULL");
  EXPECT_EQ(render_literal(true), "true");
  EXPECT_EQ(render_literal(false), "false");
}

TEST(RenderLiteral, Integers) {
  EXPECT_EQ(render_literal(std::int64_t{2056}), "2056");
  EXPECT_EQ(render_literal(std::int64_t{0}), "0");
  EXPECT_EQ(render_literal(std::int64_t{-5}), " -5");
  EXPECT_EQ(render_literal(std::numeric_limits<std::int64_t>::min()), " -9223372036854775808");
  EXPECT_EQ(render_literal(std::numeric_limits<std::int64_t>::max()), "9223372036854775807");
}

TEST(RenderLiteral, FloatsAsPythonRepr) {
  EXPECT_EQ(render_literal(2056.0), "2056.0");
  EXPECT_EQ(render_literal(0.1), "0.1");
  EXPECT_EQ(render_literal(1.5), "1.5");
  EXPECT_EQ(render_literal(0.0), "0.0");
  EXPECT_EQ(render_literal(1e20), "1e+20");
  EXPECT_EQ(render_literal(1e16), "1e+16");
  EXPECT_EQ(render_literal(1e15), "1000000000000000.0");
  EXPECT_EQ(render_literal(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(render_literal(1.2345e16), "1.2345e+16");
  EXPECT_EQ(render_literal(1e-05), "1e-05");
  EXPECT_EQ(render_literal(0.0001), "0.0001");
  EXPECT_EQ(render_literal(0.00012), "0.00012");
  EXPECT_EQ(render_literal(1.5e-7), "1.5e-07");
  EXPECT_EQ(render_literal(1e100), "1e+100");
  EXPECT_EQ(render_literal(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(render_literal(5e-324), "5e-324");
  EXPECT_EQ(render_literal(123456.789), "123456.789");
  EXPECT_EQ(render_literal(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(render_literal(2600000.5), "2600000.5");
}

TEST(RenderLiteral, NegativeFloatsGetALeadingSpace) {
  EXPECT_EQ(render_literal(-1.5), " -1.5");
  EXPECT_EQ(render_literal(-1e-05), " -1e-05");
  EXPECT_EQ(render_literal(-2056.0), " -2056.0");
  // psycopg tests `obj >= 0`, which holds for -0.0.
  EXPECT_EQ(render_literal(-0.0), "-0.0");
}

TEST(RenderLiteral, SpecialFloats) {
  EXPECT_EQ(render_literal(std::nan("")), "'NaN'::float8");
  EXPECT_EQ(render_literal(std::numeric_limits<double>::infinity()), "'Infinity'::float8");
  EXPECT_EQ(render_literal(-std::numeric_limits<double>::infinity()), "'-Infinity'::float8");
}

TEST(RenderLiteral, Strings) {
  EXPECT_EQ(render_literal(std::string("hello world")), "'hello world'");
  EXPECT_EQ(render_literal(std::string("")), "''");
  EXPECT_EQ(render_literal(std::string("it's")), "'it''s'");
  EXPECT_EQ(render_literal(std::string("'); DROP TABLE t; --")), "'''); DROP TABLE t; --'");
  EXPECT_EQ(render_literal(std::string("a\\b")), " E'a\\\\b'");
  EXPECT_EQ(render_literal(std::string("it's \\n")), " E'it''s \\\\n'");
  EXPECT_EQ(render_literal(std::string("größe {x}")), "'größe {x}'");
}

TEST(RenderLiteral, NulByteIsAnError) {
  try {
    render_literal(std::string("a\0b", 3));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "PostgreSQL text fields cannot contain NUL (0x00) bytes");
  }
}

TEST(Display, ShortForms) {
  EXPECT_EQ(display(std::monostate{}), "null");
  EXPECT_EQ(display(true), "true");
  EXPECT_EQ(display(std::int64_t{-42}), "-42");
  EXPECT_EQ(display(2056.0), "2056.0");
  EXPECT_EQ(display(-1e-05), "-1e-05");
  EXPECT_EQ(display(std::nan("")), "nan");
  EXPECT_EQ(display(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(display(std::string("text")), "'text'");
}

TEST(Json, RoundTrip) {
  Parameters params = {{"a", std::monostate{}},
                       {"b", true},
                       {"c", std::int64_t{-3}},
                       {"d", 2056.0},
                       {"e", std::string("x")}};
  nlohmann::json json = to_json(params);
  EXPECT_EQ(json.dump(), R"({"a":null,"b":true,"c":-3,"d":2056.0,"e":"x"})");
  for (const auto& [name, value] : params) {
    EXPECT_EQ(from_json(json.at(name)), value) << name;
  }
}

TEST(Json, FromJsonConversions) {
  EXPECT_EQ(from_json(nlohmann::json::parse("18446744073709551615")),
            Value(18446744073709551615.0));
  EXPECT_EQ(from_json(nlohmann::json::parse("42")), Value(std::int64_t{42}));
  EXPECT_EQ(from_json(nlohmann::json::parse("[1, 2]")), Value(std::string("[1,2]")));
  EXPECT_EQ(from_json(nlohmann::json::parse(R"({"k": "v"})")), Value(std::string(R"({"k":"v"})")));
}

TEST(PythonEqual, FollowsPythonSemantics) {
  EXPECT_TRUE(python_equal(std::int64_t{2056}, 2056.0));
  EXPECT_TRUE(python_equal(2056.0, std::int64_t{2056}));
  EXPECT_FALSE(python_equal(std::int64_t{2056}, 2056.5));
  EXPECT_TRUE(python_equal(true, std::int64_t{1}));
  EXPECT_TRUE(python_equal(false, 0.0));
  EXPECT_FALSE(python_equal(true, std::int64_t{2}));
  EXPECT_TRUE(python_equal(std::monostate{}, std::monostate{}));
  EXPECT_FALSE(python_equal(std::monostate{}, std::int64_t{0}));
  EXPECT_FALSE(python_equal(std::string(""), std::monostate{}));
  EXPECT_FALSE(python_equal(std::string("1"), std::int64_t{1}));
  EXPECT_TRUE(python_equal(std::string("a"), std::string("a")));
  EXPECT_FALSE(python_equal(std::string("a"), std::string("A")));
  EXPECT_FALSE(python_equal(std::nan(""), std::nan("")));
  // Exact comparison: 2**53 + 1 is not equal to the double 2**53.
  EXPECT_FALSE(python_equal(std::int64_t{9007199254740993}, 9007199254740992.0));
  EXPECT_TRUE(python_equal(std::int64_t{9007199254740992}, 9007199254740992.0));
  EXPECT_FALSE(python_equal(std::numeric_limits<std::int64_t>::max(), 9223372036854775808.0));
}

}  // namespace
}  // namespace pum
