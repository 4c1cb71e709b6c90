#include "pum/delta/delta_name.hpp"

#include <array>
#include <utility>

namespace pum::delta {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

// Reads \d+ at `pos`; false when there is no digit.
bool digits(std::string_view s, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  return pos > start;
}

struct KindInfo {
  std::string_view kind;
  int type;
};

constexpr std::array<KindInfo, 6> kKinds{{
    {"pre.py", kTypePre | kTypePython},
    {"pre.sql", kTypePre | kTypeSql},
    {"py", kTypePython},
    {"sql", kTypeSql},
    {"post.py", kTypePost | kTypePython},
    {"post.sql", kTypePost | kTypeSql},
}};

}  // namespace

std::optional<DeltaName> parse_delta_name(std::string_view s) {
  constexpr std::string_view prefix = "delta_";
  if (s.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::size_t pos = prefix.size();
  const std::size_t version_start = pos;
  if (!digits(s, pos) || pos >= s.size() || s[pos] != '.') return std::nullopt;
  ++pos;
  if (!digits(s, pos) || pos >= s.size() || s[pos] != '.') return std::nullopt;
  ++pos;
  if (!digits(s, pos)) return std::nullopt;
  const std::string_view version_text = s.substr(version_start, pos - version_start);
  // (_*)(\w*): the underscores go to the separator, greedily; the name is the rest of the word.
  // Giving digits of the version or underscores back cannot help: the name would end at the same
  // '.' either way.
  while (pos < s.size() && s[pos] == '_') ++pos;
  const std::size_t name_start = pos;
  while (pos < s.size() && is_word(s[pos])) ++pos;
  const std::string_view name = s.substr(name_start, pos - name_start);
  if (pos >= s.size() || s[pos] != '.') return std::nullopt;
  const std::string_view ext = s.substr(pos + 1);
  for (const auto& info : kKinds) {
    if (ext != info.kind) continue;
    auto version = Version::parse(version_text);
    if (!version) return std::nullopt;
    DeltaName out;
    out.version = *version;
    out.version_text = version->str();
    out.name = std::string(name);
    out.kind = std::string(info.kind);
    out.type = info.type;
    out.priority = (info.type & kTypePre) != 0 ? 1 : (info.type & kTypePost) != 0 ? 3 : 2;
    out.python = (info.type & kTypePython) != 0;
    return out;
  }
  return std::nullopt;
}

std::string kind_of_type(int type) {
  for (const auto& info : kKinds) {
    if (info.type == type) return std::string(info.kind);
  }
  return {};
}

std::string info_type_label(int type) {
  switch (type) {
    case kTypeBaseline:
      return "baseline";
    case kTypePre | kTypePython:
      return "pre py";
    case kTypePre | kTypeSql:
      return "pre sql";
    case kTypePython:
      return "delta py";
    case kTypeSql:
      return "delta sql";
    case kTypePost | kTypePython:
      return "post py";
    case kTypePost | kTypeSql:
      return "post sql";
    default:
      return {};
  }
}

}  // namespace pum::delta
