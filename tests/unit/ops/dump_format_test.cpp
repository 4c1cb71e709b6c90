#include <gtest/gtest.h>

#include "pum/ops/dump_restore.hpp"
#include "pum/util/error.hpp"
#include "temp_file.hpp"

namespace pum::ops {
namespace {

TEST(DetectFormat, CustomArchive) {
  test::TempDir dir;
  auto file = dir.write("a.dump", std::string("PGDMP\x01\x0e\x00", 8) + "rest");
  EXPECT_EQ(detect_format(file.string()), FileFormat::archive);
}

TEST(DetectFormat, TarArchive) {
  test::TempDir dir;
  std::string tar(512, '\0');
  tar.replace(257, 5, "ustar");
  auto file = dir.write("a.tar", tar);
  EXPECT_EQ(detect_format(file.string()), FileFormat::archive);
}

TEST(DetectFormat, DirectoryArchive) {
  test::TempDir dir;
  EXPECT_EQ(detect_format(dir.path().string()), FileFormat::archive);
}

TEST(DetectFormat, PlainSql) {
  test::TempDir dir;
  EXPECT_EQ(detect_format(dir.write("a.sql", "--\n-- PostgreSQL database dump\n").string()),
            FileFormat::plain_sql);
  EXPECT_EQ(detect_format(dir.write("b.sql", "INVALID SQL;").string()), FileFormat::plain_sql);
  EXPECT_EQ(detect_format(dir.write("c.sql", "").string()), FileFormat::plain_sql);
}

TEST(DetectFormat, MissingFile) {
  try {
    detect_format("/nonexistent/pum/file.dump");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "cannot read file: /nonexistent/pum/file.dump");
  }
}

}  // namespace
}  // namespace pum::ops
