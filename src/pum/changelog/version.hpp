#pragma once
// A PEP 440 version, as Python's `packaging.version.Version` understands it: the names of the
// version directories, --max-version, `pum baseline -b`, and the `version` column of
// pum_migrations are all parsed by this one class, and compared numerically.
//
//   [v][N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]
//
// Accepted spellings are normalised as PEP 440 says: case-insensitive, leading `v`, surrounding
// whitespace, `alpha`/`beta`/`c`/`pre`/`preview` → `a`/`b`/`rc`/`rc`/`rc`, `rev`/`r`/`-N` → post,
// `-`/`_`/`.` separators, implicit 0 for a missing pre/post/dev number, leading zeros dropped
// (`1.02.3` → `1.2.3`), local segments joined by `.`.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/util/expected.hpp"

namespace pum {

class Version {
 public:
  enum class PreKind : std::uint8_t { a, b, rc };
  struct Pre {
    PreKind kind;
    std::uint64_t number;
  };

  // Version "0". Exists so that structs holding a Version can be default-constructed.
  Version() = default;

  // `invalid version 'x': <reason>; a version looks like 1.2.3 (PEP 440)` on failure.
  static Expected<Version> parse(std::string_view text);

  // The normalised PEP 440 string: what pum 1.x writes into pum_migrations.version.
  [[nodiscard]] std::string str() const;

  // True iff the version is written as X.Y or X.Y.Z: no epoch, pre, post, dev or local part, two
  // or three release numbers. The only form pum can record (pum 1.x: ^\d+\.\d+(\.\d+)?$ on str()).
  [[nodiscard]] bool is_plain_release() const;

  [[nodiscard]] std::uint64_t epoch() const { return epoch_; }
  // The release numbers as written (not padded, trailing zeros kept): 1.2.0 → {1, 2, 0}.
  [[nodiscard]] const std::vector<std::uint64_t>& release() const { return release_; }
  [[nodiscard]] const std::optional<Pre>& pre() const { return pre_; }
  [[nodiscard]] const std::optional<std::uint64_t>& post() const { return post_; }
  [[nodiscard]] const std::optional<std::uint64_t>& dev() const { return dev_; }
  // The local segments, lower-case, numeric ones without leading zeros ("ubuntu", "1").
  [[nodiscard]] const std::vector<std::string>& local() const { return local_; }

  // PEP 440 ordering: epoch, then release compared numerically with trailing zeros ignored
  // (1.2 == 1.2.0, 1.9 < 1.10), then 1.0.dev1 < 1.0a1.dev1 < 1.0a1 < 1.0b1 < 1.0rc1 < 1.0 <
  // 1.0.post1.dev1 < 1.0.post1, then local (none < any; numeric segments > alphanumeric ones).
  // Weak ordering: 1.2 and 1.2.0 are equivalent but print differently.
  friend std::weak_ordering operator<=>(const Version& a, const Version& b) {
    return compare(a, b);
  }
  friend bool operator==(const Version& a, const Version& b) { return std::is_eq(compare(a, b)); }

 private:
  static std::weak_ordering compare(const Version& a, const Version& b);

  std::uint64_t epoch_ = 0;
  std::vector<std::uint64_t> release_{0};
  std::optional<Pre> pre_;
  std::optional<std::uint64_t> post_;
  std::optional<std::uint64_t> dev_;
  std::vector<std::string> local_;
};

}  // namespace pum
