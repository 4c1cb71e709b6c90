#pragma once
// PostgreSQL names unnamed constraints, indexes and serial sequences after their table and
// columns (t_a_key, t_a_idx, t_id_seq) and adds a number when the name is taken (t_a_idx1).
// Which of two such objects gets the number depends on the order of creation, so two databases
// built by the same statements in another order would differ. The comparison key of constraints,
// indexes and sequences therefore drops that number from every such name; the report still shows
// the real names.
#include <string>
#include <string_view>

namespace pum::check {

// Every identifier-like word ending in _pkey, _key, _fkey, _check, _excl, _idx, _seq or
// _not_null followed by digits loses the digits: "t_a_idx12 ON s.t" -> "t_a_idx ON s.t".
std::string strip_generated_suffixes(std::string_view text);

}  // namespace pum::check
