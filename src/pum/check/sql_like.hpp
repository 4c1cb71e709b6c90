#pragma once
// SQL LIKE, as `column_name NOT LIKE 'pattern'` in pum's columns query (-P): % matches any run
// of characters, _ exactly one character (a UTF-8 code point), a backslash makes the next
// character literal. Case-sensitive.
#include <string_view>

namespace pum::check {

bool sql_like(std::string_view text, std::string_view pattern);

}  // namespace pum::check
