#pragma once
// Turning a parameter value into the parameter's declared type: from the command line
// (-p NAME VALUE), or from a value read elsewhere (a YAML default, the JSON stored in
// pum_migrations.parameters).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/parameter_def.hpp"
#include "pum/params/value.hpp"

namespace pum::config {

// Converts the text of `-p NAME VALUE` to def.type, then checks def.values. Stricter than pum 1.8:
// integers and decimals must be the whole text; booleans: true/1/yes are true (as in pum),
// false/0/no/off are false, and anything else (where pum silently takes false, even for "on") is
// refused. Throws pum::Error
// (no location, with a hint) when the text does not convert or is not an allowed value.
Value coerce_cli_value(const ParameterDef& def, std::string_view text);

// Converts a value to def.type; nullopt when that is impossible. Null stays null. Does not check
// def.values (see is_allowed_value).
//   integer: integers, integral decimals (2056.0), integral text ("2056", "-3")
//   decimal: integers, decimals, numeric text ("1.5", "1e3", "inf")
//   boolean: booleans, integers 0/1, text 1/true/TRUE (true, as pum) and 0/false/no/off in any
//            case (false); other text (True, yes, on: pum reads them as false) is refused
//   text, path: any value, numbers and booleans written out (42, 1.5, true)
std::optional<Value> coerce_value(const ParameterDef& def, const Value& value);
// The same conversion, by type.
std::optional<Value> coerce_to_type(ParamType type, const Value& value);

// True when def.values is unset, the value is null, or the value equals one of def.values.
bool is_allowed_value(const ParameterDef& def, const Value& value);
// "[2056, 21781]", "['en', 'fr']": the allowed values as messages show them.
std::string format_values(const std::vector<Value>& values);

// "an integer", "a decimal number", "a boolean", "a text", "a path": for messages.
std::string type_phrase(ParamType type);

}  // namespace pum::config
