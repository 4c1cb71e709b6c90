#pragma once
// UTF-8 validity of a text, byte by byte (defined in source_text.cpp).
#include <cstddef>
#include <string_view>

namespace pum {

// Length in bytes of the valid UTF-8 sequence starting at text[i], or 0 when it is not valid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

}  // namespace pum
