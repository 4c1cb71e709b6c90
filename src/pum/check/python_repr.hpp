#pragma once
// Rows as pum prints them: a Python dict of strings and None, e.g.
// {'table_schema': 'shop', 'column_default': None}. Scripts and people used to pum's text report
// read the same lines from ours.
#include <string>
#include <string_view>

#include "pum/check/kinds.hpp"
#include "pum/check/row.hpp"

namespace pum::check {

// Python's repr() of a str: single quotes unless the text holds a single quote and no double
// quote; backslash, the quote, \t \n \r escaped; other control characters and the C1 range as
// \xNN, U+2028/U+2029 as \uNNNN; other characters (including non-ASCII) as they are. Invalid
// UTF-8 bytes are written as \xNN.
std::string python_str_repr(std::string_view text);
// repr() of a value: the str repr, or None.
std::string python_repr(const Value& value);
// str() of the row's dict: {'a': 'x', 'b': None}.
std::string python_dict(const KindInfo& kind, const Row& row);

}  // namespace pum::check
