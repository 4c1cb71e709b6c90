#pragma once
// The value a string token stands for, to compare it with a known text (e.g. 'search_path').
#include <string>
#include <string_view>

namespace pum::sql {

// Decodes a string or dollar_string token's text: '..' and N'..' (undoubling ''), E'..'
// (backslash escapes: \n \t \b \f \r, octal \ooo, \xhh, \uXXXX, \UXXXXXXXX, others stand for the
// character itself), U&'..' (\XXXX and \+XXXXXX with the default escape character; a UESCAPE
// clause is not seen here), B'..'/X'..' (the digits as written), $tag$..$tag$ (the body).
// Code points are encoded as UTF-8. Text that is not a string token is returned unchanged.
std::string string_value(std::string_view token);

}  // namespace pum::sql
