#pragma once
// Reading typed values out of the fields of a mapping (see key_table.hpp): strings, booleans,
// lists, each with an error at the value's line:col naming the key and what was expected.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/config/key_table.hpp"
#include "pum/config/yaml_document.hpp"

namespace pum::config {

// Throws "<subject> must be <expected>, found <what node is>" at `at`, with a hint on how to
// write <expected> ("a mapping", "a list", "a string", "true or false").
[[noreturn]] void throw_wrong_kind(const YamlDocument& doc, const YAML::Node& at,
                                   const YAML::Node& node, std::string_view subject,
                                   std::string_view expected);

// A string value (plain or quoted); null, numbers, booleans, lists and mappings are errors.
std::string read_string(const YamlDocument& doc, const Field& field);
// The same, also refusing the empty string.
std::string read_nonempty_string(const YamlDocument& doc, const Field& field);
// nullopt for null, else read_string.
std::optional<std::string> read_optional_string(const YamlDocument& doc, const Field& field);
// Any scalar's text as written (`1.8` and `"1.8"` both give "1.8"); for version numbers.
std::string read_scalar_text(const YamlDocument& doc, const Field& field);
// true/false (YAML 1.1 spellings: yes/no, on/off too; also 0/1, t/f, y/n and those words
// quoted, in any case, as pydantic takes them in pum 1.8); null is false.
bool read_bool(const YamlDocument& doc, const Field& field);
// The entries of a list; null gives none.
std::vector<YAML::Node> read_list(const YamlDocument& doc, const Field& field);
// A list of strings; `non_empty` refuses an empty or null list.
std::vector<std::string> read_string_list(const YamlDocument& doc, const Field& field,
                                          bool non_empty);

}  // namespace pum::config
