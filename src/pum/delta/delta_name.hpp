#pragma once
// The name of a pum 0.x delta file, delta_<X.Y.Z>[_<name>].<kind>, and what it encodes: the
// version, the descriptive name, the kind (pre.sql, sql, post.sql, pre.py, py, post.py) and the
// type code pum 0.x stores in its upgrades table.
#include <optional>
#include <string>
#include <string_view>

#include "pum/changelog/version.hpp"

namespace pum::delta {

// The bits of pum 0.x's `type` column.
inline constexpr int kTypePre = 1;
inline constexpr int kTypePost = 2;
inline constexpr int kTypePython = 4;
inline constexpr int kTypeSql = 8;
inline constexpr int kTypeBaseline = 0;

struct DeltaName {
  Version version;
  std::string version_text;  // the normalised version (what the table's `version` column holds)
  std::string name;          // may be empty: delta_1.0.0.sql
  std::string kind;          // "pre.sql", "sql", "post.sql", "pre.py", "py", "post.py"
  int type = 0;      // the type code: pre.py 5, pre.sql 9, py 4, sql 8, post.py 6, post.sql 10
  int priority = 2;  // pre 1 < main 2 < post 3
  bool python = false;
};

// Matches a file name (no directory) against
//   ^(delta_)(\d+\.\d+\.\d+)(_*)(\w*)\.(pre\.sql|sql|post\.sql|pre\.py|py|post\.py)$
// `\w` is taken as ASCII letters, digits, '_' and any byte of a multi-byte UTF-8 character
// (Python's `\w` matches Unicode letters). Empty for any other name.
std::optional<DeltaName> parse_delta_name(std::string_view file_name);

// The kind of a type code ("sql" for 8), empty for 0 and unknown codes.
std::string kind_of_type(int type);

// How pum 0.x's `info` names a type: "pre py", "pre sql", "delta py", "delta sql", "post py",
// "post sql"; "baseline" for 0; empty for an unknown code.
std::string info_type_label(int type);

}  // namespace pum::delta
