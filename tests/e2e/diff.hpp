#pragma once

#include <string>

namespace e2e {

// A line diff of two texts for failure messages: lines only in `expected` start with "- ",
// lines only in `actual` with "+ ", common lines with "  "; long runs of common lines are
// shortened to three lines of context around each change.
std::string line_diff(const std::string& expected, const std::string& actual);

}  // namespace e2e
