#include "pum/ui/colour.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Colour, OnlyOnATerminalThatIsNotDumbWithoutNoColor) {
  EXPECT_TRUE(pum::log::colour_wanted(true, nullptr, "xterm-256color"));
  EXPECT_TRUE(pum::log::colour_wanted(true, "", nullptr));
  EXPECT_FALSE(pum::log::colour_wanted(false, nullptr, "xterm"));
  EXPECT_FALSE(pum::log::colour_wanted(true, "1", "xterm"));
  EXPECT_FALSE(pum::log::colour_wanted(true, nullptr, "dumb"));
}

}  // namespace
