#pragma once
// A line diff of two texts laid out side by side, for definitions that differ (a view, a
// function): unchanged lines on both sides, removed lines on the left, added lines on the right,
// and a run of removed lines followed by a run of added ones paired up as changed lines.
#include <string>
#include <string_view>
#include <vector>

namespace pum::check {

struct SideBySideLine {
  enum Op { same, changed, removed, added } op;
  std::string left;   // empty for added
  std::string right;  // empty for removed
};

// Longest common subsequence of lines; above kMaxDiffCells (lines x lines) the texts are paired
// line by line instead, which is still readable and keeps the report fast.
std::vector<SideBySideLine> side_by_side(std::string_view left, std::string_view right);

inline constexpr std::size_t kMaxDiffCells = 4'000'000;

std::vector<std::string> split_lines(std::string_view text);

}  // namespace pum::check
