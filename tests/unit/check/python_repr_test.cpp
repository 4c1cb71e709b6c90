#include "pum/check/python_repr.hpp"

#include <gtest/gtest.h>

namespace pum::check {
namespace {

TEST(PythonRepr, QuotesAsPythonDoes) {
  EXPECT_EQ(python_str_repr("shop"), "'shop'");
  EXPECT_EQ(python_str_repr(""), "''");
  EXPECT_EQ(python_str_repr("it's"), "\"it's\"");
  EXPECT_EQ(python_str_repr("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(python_str_repr("it's \"both\""), "'it\\'s \"both\"'");
}

TEST(PythonRepr, EscapesBackslashesAndControlCharacters) {
  EXPECT_EQ(python_str_repr("a\\b"), "'a\\\\b'");
  EXPECT_EQ(python_str_repr("l1\nl2\tx\r"), "'l1\\nl2\\tx\\r'");
  EXPECT_EQ(python_str_repr(std::string("\x01\x1f\x7f", 3)), "'\\x01\\x1f\\x7f'");
  EXPECT_EQ(python_str_repr(std::string("nul\0!", 5)), "'nul\\x00!'");
}

TEST(PythonRepr, KeepsPrintableUnicodeAndEscapesTheRest) {
  EXPECT_EQ(python_str_repr("Zürich – ∑"), "'Zürich – ∑'");
  EXPECT_EQ(python_str_repr("a\u00a0b"), "'a\\xa0b'");    // no-break space
  EXPECT_EQ(python_str_repr("a\u2028b"), "'a\\u2028b'");  // line separator
  EXPECT_EQ(python_str_repr("\xff"), "'\\xff'");          // not UTF-8
}

TEST(PythonRepr, ValuesAndDicts) {
  EXPECT_EQ(python_repr(std::nullopt), "None");
  EXPECT_EQ(python_repr(std::string("x")), "'x'");
  Row row{{std::string("shop"), std::string("orders")}, {}, {}, {}};
  EXPECT_EQ(python_dict(info(Kind::tables), row),
            "{'table_schema': 'shop', 'table_name': 'orders'}");
  Row seq{{std::string("n"), std::nullopt}, {}, {}, {}};
  EXPECT_EQ(python_dict(info(Kind::sequences), seq), "{'relname': 'n', 'schema_name': None}");
}

}  // namespace
}  // namespace pum::check
