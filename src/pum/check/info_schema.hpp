#pragma once
// The numeric columns of information_schema.columns, computed from a column's type the way the
// information_schema functions of PostgreSQL do (so that pum's `columns` rows keep their values
// while we read pg_catalog directly). `type` and `typmod` are those of the column's type after
// domain resolution (a domain column reports its base type, as information_schema does).
#include <cstdint>
#include <optional>
#include <string>

namespace pum::check {

using Oid32 = std::uint32_t;

std::optional<std::string> character_maximum_length(Oid32 type, int typmod);
std::optional<std::string> numeric_precision(Oid32 type, int typmod);
std::optional<std::string> numeric_precision_radix(Oid32 type, int typmod);
std::optional<std::string> datetime_precision(Oid32 type, int typmod);

}  // namespace pum::check
