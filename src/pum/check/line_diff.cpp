#include "pum/check/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace pum::check {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

namespace {

using Op = SideBySideLine::Op;

// Pairs a run of removed lines with the run of added lines that follows it.
void flush(std::vector<std::string>& removed, std::vector<std::string>& added,
           std::vector<SideBySideLine>& out) {
  std::size_t both = std::min(removed.size(), added.size());
  for (std::size_t i = 0; i < both; ++i) out.push_back({Op::changed, removed[i], added[i]});
  for (std::size_t i = both; i < removed.size(); ++i) out.push_back({Op::removed, removed[i], {}});
  for (std::size_t i = both; i < added.size(); ++i) out.push_back({Op::added, {}, added[i]});
  removed.clear();
  added.clear();
}

}  // namespace

std::vector<SideBySideLine> side_by_side(std::string_view left, std::string_view right) {
  std::vector<std::string> a = split_lines(left), b = split_lines(right);
  std::vector<SideBySideLine> out;
  std::vector<std::string> removed, added;
  const std::size_t n = a.size(), m = b.size();

  if ((n + 1) * (m + 1) > kMaxDiffCells) {
    for (std::size_t i = 0; i < std::max(n, m); ++i) {
      if (i < n && i < m) {
        out.push_back({a[i] == b[i] ? Op::same : Op::changed, a[i], b[i]});
      } else if (i < n) {
        out.push_back({Op::removed, a[i], {}});
      } else {
        out.push_back({Op::added, {}, b[i]});
      }
    }
    return out;
  }

  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto cell = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      cell(i, j) = a[i] == b[j] ? cell(i + 1, j + 1) + 1 : std::max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      flush(removed, added, out);
      out.push_back({Op::same, a[i], b[j]});
      ++i;
      ++j;
    } else if (j == m || (i < n && cell(i + 1, j) >= cell(i, j + 1))) {
      if (!added.empty()) flush(removed, added, out);
      removed.push_back(a[i++]);
    } else {
      added.push_back(b[j++]);
    }
  }
  flush(removed, added, out);
  return out;
}

}  // namespace pum::check
