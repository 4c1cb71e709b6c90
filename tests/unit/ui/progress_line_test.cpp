#include <gtest/gtest.h>

#include "pum/ui/progress.hpp"

using pum::progress::status_line;
using std::chrono::seconds;

TEST(ProgressLine, CountLabelAndElapsed) {
  EXPECT_EQ(status_line("files", 3, 12, "changelogs/1.1.0/02_x.sql", seconds(7), 79),
            "[ 3/12 files] changelogs/1.1.0/02_x.sql  0:07");
}

TEST(ProgressLine, HoursOnceAnHourHasPassed) {
  EXPECT_EQ(status_line("files", 1, 1, "a.sql", seconds(3 * 3600 + 62), 79),
            "[1/1 files] a.sql  3:01:02");
  EXPECT_EQ(status_line("files", 1, 1, "a.sql", seconds(59 * 60 + 59), 79),
            "[1/1 files] a.sql  59:59");
}

TEST(ProgressLine, LongLabelKeepsItsEnd) {
  const std::string line = status_line(
      "files", 1, 9, "changelogs/1.0.0/very_long_directory/and_a_file.sql", seconds(0), 40);
  EXPECT_EQ(line, "[1/9 files] …ectory/and_a_file.sql  0:00");
}

TEST(ProgressLine, NeverWiderThanTheTerminal) {
  for (std::size_t width = 0; width < 60; ++width) {
    const std::string line = status_line("files", 120, 1200, "changelogs/9.9.9/über_wide_ñame.sql",
                                         seconds(4000), width);
    std::size_t columns = 0;
    for (const char c : line) columns += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    EXPECT_LE(columns, width) << line;
  }
}
