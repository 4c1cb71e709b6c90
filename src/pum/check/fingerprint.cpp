#include "pum/check/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>

namespace pum::check {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Where a number may start or end in node text: the tokens are separated by blanks and braces.
bool boundary(char c) { return c == ' ' || c == '(' || c == ')' || c == '{' || c == '}'; }

constexpr std::string_view kLocation = " :location ";

}  // namespace

std::string tree_fingerprint(std::string_view tree, const TreeReferences& references) {
  std::string out;
  out.reserve(tree.size() + 64);
  std::size_t i = 0;
  std::size_t copied = 0;  // tree[copied, i) is still to be appended as it is
  auto flush = [&](std::size_t upto) { out.append(tree.data() + copied, upto - copied); };
  while (i < tree.size()) {
    char c = tree[i];
    if (c == ' ' && tree.compare(i, kLocation.size(), kLocation) == 0) {
      flush(i);
      std::size_t j = i + kLocation.size();
      if (j < tree.size() && tree[j] == '-') ++j;
      while (j < tree.size() && is_digit(tree[j])) ++j;
      i = copied = j;
      continue;
    }
    if (!is_digit(c) || (i > 0 && !boundary(tree[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < tree.size() && is_digit(tree[j])) ++j;
    if ((j == tree.size() || boundary(tree[j])) && j - i <= 10) {
      std::uint64_t number = 0;
      std::from_chars(tree.data() + i, tree.data() + j, number);
      auto found = references.objects.find(static_cast<std::uint32_t>(number));
      if (number <= 0xffffffffULL && found != references.objects.end()) {
        flush(i);
        out += '@';
        out += found->second;
        copied = j;
      }
    }
    i = j;
  }
  flush(tree.size());
  // Every referenced object by name (constants such as 'x'::regclass hold OIDs as bytes that the
  // text above does not show as numbers), then the columns read, with their current names.
  std::vector<std::string> names;
  names.reserve(references.objects.size());
  for (const auto& [oid, name] : references.objects) names.push_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<std::string> columns = references.columns;
  std::sort(columns.begin(), columns.end());
  for (const auto* list : {&names, &columns}) {
    out += '\x1e';
    for (const auto& name : *list) {
      out += '\x1f';
      out += name;
    }
  }
  return out;
}

namespace {

// A 128-bit hash: two 64-bit lanes fed eight bytes at a time, each with its own constants, then
// finalised as MurmurHash3 does. Two different fingerprints of one comparison do not collide in
// practice (they are catalog data, nobody crafts them).
std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

std::uint64_t fmix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::pair<std::uint64_t, std::uint64_t> hash128(std::string_view text) {
  std::uint64_t h1 = 0x9e3779b97f4a7c15ULL ^ text.size();
  std::uint64_t h2 = 0xc2b2ae3d27d4eb4fULL + text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    h1 = rotl(h1 ^ (word * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
    h2 = rotl(h2 + (word ^ 0x52dce729ULL), 27) * 0x9e3779b97f4a7c15ULL + h1;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, text.data() + i, text.size() - i);
  h1 ^= tail * 0x87c37b91114253d5ULL;
  h2 ^= rotl(tail, 33) * 0x4cf5ad432745937fULL;
  h1 = fmix(h1 + h2);
  h2 = fmix(h2 + h1);
  return {h1, h2};
}

}  // namespace

std::string make_fingerprint(const std::vector<std::string>& parts) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += '\x1f';
    joined += parts[i];
  }
  if (joined.size() <= kShortFingerprint) return kFingerprintMark + joined;
  auto [h1, h2] = hash128(joined);
  return fmt::format("{}#{:016x}{:016x}", kFingerprintMark, h1, h2);
}

}  // namespace pum::check
