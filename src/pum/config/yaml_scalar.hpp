#pragma once
// How pum 1.x sees a plain (unquoted) YAML scalar: PyYAML's safe_load follows YAML 1.1, where
// `yes`/`on`/`off` are booleans, `010` is octal, `1:30` is 90, `1e3` is text (a float needs a
// dot) and `~` or nothing is null. yaml-cpp leaves scalars untyped, so we resolve them here, with
// PyYAML's own patterns.
#include <string_view>

#include "pum/params/value.hpp"

namespace pum::config {

enum class ScalarType { null, boolean, integer, decimal, text };

struct TypedScalar {
  ScalarType type = ScalarType::text;
  Value value;  // monostate, bool, int64_t, double or string, following `type`
};

// The type and value PyYAML gives a plain scalar. An integer outside 64 bits stays text.
TypedScalar resolve_plain_scalar(std::string_view text);

// "null", "a boolean", "an integer", "a decimal number", "a string": for messages.
const char* scalar_type_phrase(ScalarType type);

}  // namespace pum::config
