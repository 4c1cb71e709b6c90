#pragma once
// The name of a flat migration file and the version it encodes. Accepted forms:
//
//   NNN_name.sql               a number, any width (001_init.sql -> 1; dbmate's
//                              20151129054053_name.sql is this form too)
//   YYYYmmdd_HHMMSS_name.sql   what pgdbm's create_migration writes: the date and the time
//                              together are the number (20240126_120000_x.sql -> 20240126120000)
//   V<n>[.<n>...]__name.sql    Flyway (V2__x.sql -> 2, V1.1__x.sql -> 1.1)
//
// pgdbm takes the version of any other name from the text before its first dot; we refuse such
// names (the file would run at a place nobody chose). Versions order numerically, so V10__ runs
// after V2__ (pgdbm sorts names, and runs V10__ first).
#include <optional>
#include <string>
#include <string_view>

#include "pum/changelog/version.hpp"

namespace pum::flat {

enum class NameStyle {
  number,     // 001_name.sql (width = number of digits, zeros kept)
  timestamp,  // YYYYmmdd_HHMMSS_name.sql
  flyway,     // V2__name.sql
};

struct FlatName {
  Version version;
  std::string number;  // as written ("001", "20240126_120000", "1.1")
  std::string name;    // the descriptive part, without ".sql"; may be empty
  NameStyle style = NameStyle::number;
};

// Parses a file name (no directory). Empty when it matches none of the forms, or when its number
// has more than 18 digits.
std::optional<FlatName> parse_flat_name(std::string_view file_name);

// The accepted forms, for error messages.
inline constexpr std::string_view kAcceptedNames =
    "NNN_name.sql, YYYYmmdd_HHMMSS_name.sql or V<n>__name.sql";

// True for "[a-zA-Z_][a-zA-Z0-9_]{0,62}": the names pgdbm accepts for schemas, tables and the
// tracking table.
bool is_simple_identifier(std::string_view name);

}  // namespace pum::flat
