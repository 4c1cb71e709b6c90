// libFuzzer target: the PEP 440 version parser (pum::Version::parse), used for version
// directories, --max-version, baseline -b and the version column of pum_migrations. Any input
// must parse or be refused as an Expected error (never another exception or a crash).
// Invariants checked: normalisation is idempotent (parse(str()) gives the same string and an
// equal version), the ordering is reflexive, and is_plain_release matches the X.Y[.Z] form.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pum/changelog/version.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

bool looks_plain(const std::string& text) {
  int dots = 0;
  bool digit_before = false;
  for (char c : text) {
    if (c == '.') {
      if (!digit_before) return false;
      ++dots;
      digit_before = false;
    } else if (c >= '0' && c <= '9') {
      digit_before = true;
    } else {
      return false;
    }
  }
  return digit_before && (dots == 1 || dots == 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pum::Expected<pum::Version> parsed = pum::Version::parse(text);
  if (!parsed) {
    check(!parsed.error().message().empty());
    return 0;
  }
  const pum::Version& version = parsed.value();
  const std::string normalised = version.str();
  const pum::Expected<pum::Version> again = pum::Version::parse(normalised);
  check(again.has_value());
  check(again.value().str() == normalised);
  check(again.value() == version);
  check(std::is_eq(version <=> version));
  check(version.is_plain_release() == looks_plain(normalised));
  static const pum::Version reference = pum::Version::parse("1.2.3").value();
  const std::weak_ordering forward = version <=> reference;
  const std::weak_ordering backward = reference <=> version;
  check(std::is_lt(forward) == std::is_gt(backward));
  return 0;
}
