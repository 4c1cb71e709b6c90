#pragma once
// "did you mean ...?" for a misspelt key, parameter name, type or permission.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pum::config {

// The candidate closest to `word`: the smallest edit distance (insertions, deletions,
// substitutions, swaps of neighbours; case ignored) within a third of the word's length (at
// least 1, at most 3); failing that, the one candidate that `word` is a prefix of or that is a
// prefix of `word` (at least 3 characters in common). nullopt when nothing is close.
std::optional<std::string> suggest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// Edit distance with adjacent transpositions (optimal string alignment), case-insensitive ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace pum::config
