#pragma once
// The keys each mapping of .pum.yaml may hold (the "key table"), and the reader that checks a
// mapping against it: unknown keys (with did-you-mean), keys given twice, a key given under both
// its name and its legacy alias, missing required keys, and a node that is not a mapping.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "pum/config/yaml_document.hpp"

namespace pum::config {

struct KeySpec {
  std::string_view name;
  std::string_view alias = {};  // legacy spelling with the same meaning (pum 0.x / early 1.x)
  bool required = false;
  std::string_view missing_hint = {};  // what to tell the user when a required key is missing
};

struct KeyTable {
  std::string_view where;  // "at the top level", "in 'pum'", "in a parameter", ...
  std::vector<KeySpec> keys;
};

// One key of a mapping and its value, under the key's current name.
struct Field {
  std::string name;     // the name in the key table
  std::string written;  // as written in the file (the name or its alias)
  YAML::Node key;
  YAML::Node value;

  // Absent values (`key:` with nothing after it) and explicit nulls.
  [[nodiscard]] bool is_null() const { return !value.IsDefined() || value.IsNull(); }
  // Where to report a problem with the value: yaml-cpp places an empty value at the next token,
  // so a null value is reported at its key.
  [[nodiscard]] const YAML::Node& at() const { return is_null() ? key : value; }
  // "'parameters'": how messages name the field.
  [[nodiscard]] std::string quoted() const { return "'" + written + "'"; }
};

class Fields {
 public:
  Fields(const YAML::Node& mapping, std::vector<Field> fields)
      : mapping_(mapping), fields_(std::move(fields)) {}

  // The field of that (current) name, or nullptr when absent.
  [[nodiscard]] const Field* find(std::string_view name) const;
  // The field when present with a non-null value, else nullptr.
  [[nodiscard]] const Field* find_set(std::string_view name) const;
  [[nodiscard]] const YAML::Node& mapping() const { return mapping_; }

 private:
  YAML::Node mapping_;
  std::vector<Field> fields_;
};

// Checks the value of `field` as a mapping of `table`'s keys; "'<key>' must be a mapping" when
// it is not (null included). Missing required keys are reported at the field's key.
Fields read_mapping(const YamlDocument& doc, const Field& field, const KeyTable& table);
// The same for a list entry or the root: `subject` names it in messages ("each entry of
// 'parameters'", "the configuration"); missing required keys are reported at the node.
Fields read_mapping(const YamlDocument& doc, const YAML::Node& node, const KeyTable& table,
                    std::string_view subject);

}  // namespace pum::config
