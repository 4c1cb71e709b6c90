#include "pum/flat/checksum.hpp"

#include <gtest/gtest.h>

namespace pum::flat {
namespace {

// Expected values computed once with Python's hashlib over the text as pgdbm reads it.
TEST(Checksum, Plain) {
  EXPECT_EQ(pgdbm_checksum("CREATE TABLE users (id serial PRIMARY KEY);\n"),
            "4da8bf2ce16875ad466e9b891a2fd90efeaac5f97a67c528d3d4b1bb27ff0e8a");
}

TEST(Checksum, LineEndingsDoNotCount) {
  const char* expected = "6a68a1f76c436c8f27680f6287b5eefa4e326c220eb9c5d75b44fb58f880955f";
  EXPECT_EQ(pgdbm_checksum("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"), expected);
  EXPECT_EQ(pgdbm_checksum("CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n"), expected);
  EXPECT_EQ(pgdbm_checksum("CREATE TABLE a (id int);\rCREATE TABLE b (id int);\r"), expected);
}

TEST(Checksum, StripsAsciiWhitespace) {
  EXPECT_EQ(pgdbm_checksum(" \t\n\x0b\x0cSELECT 1;\n\n  \t"),
            "17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
  EXPECT_EQ(checksum_text(" \t\n\x0b\x0cSELECT 1;\n\n  \t"), "SELECT 1;");
}

TEST(Checksum, StripsUnicodeWhitespace) {
  // U+3000, U+00A0 before; U+2028, U+0085 after.
  EXPECT_EQ(pgdbm_checksum("\u3000\u00a0SELECT '\u00e9';\u2028\u0085"),
            "c5f84c3f2634f117a637e393398187dd6e5d3d2d3bde89f8237f4d5891d4bf58");
  EXPECT_EQ(checksum_text("\u3000\u00a0SELECT '\u00e9';\u2028\u0085"), "SELECT '\u00e9';");
}

TEST(Checksum, ByteOrderMarkIsKept) {
  EXPECT_EQ(pgdbm_checksum("\xef\xbb\xbfSELECT 1;\n"),
            "a35432496aa3b58f1818bc547ae78c87d1a5e702dcc7f28e2e1fdb38ff3bbf52");
}

TEST(Checksum, InnerWhitespaceCounts) {
  EXPECT_EQ(pgdbm_checksum("SELECT 1;\n\n\nSELECT 2;   \n"),
            "ed693253a81ca5358ca1c969a1cfabb6c423b8aff9b739a0f0f66bba35582ea0");
}

}  // namespace
}  // namespace pum::flat
