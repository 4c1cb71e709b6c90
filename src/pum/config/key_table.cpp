#include "pum/config/key_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "pum/config/error_collector.hpp"
#include "pum/config/fields.hpp"
#include "pum/config/suggest.hpp"

namespace pum::config {

namespace {

const KeySpec* lookup(const KeyTable& table, std::string_view written) {
  for (const auto& spec : table.keys) {
    if (spec.name == written || (!spec.alias.empty() && spec.alias == written)) return &spec;
  }
  return nullptr;
}

void report_unknown_key(const YamlDocument& doc, const YAML::Node& key, const std::string& written,
                        const KeyTable& table) {
  std::vector<std::string> names;
  std::vector<std::string> spellings;
  for (const auto& spec : table.keys) {
    names.emplace_back(spec.name);
    spellings.emplace_back(spec.name);
    if (!spec.alias.empty()) spellings.emplace_back(spec.alias);
  }
  Error error = doc.error(key, "unknown key '" + written + "'");
  if (auto guess = suggest(written, spellings)) error.hint("did you mean '" + *guess + "'?");
  error.hint(fmt::format("valid keys {}: {}", table.where, join(names)));
  report(std::move(error));
}

Fields check_mapping(const YamlDocument& doc, const YAML::Node& node, const KeyTable& table,
                     const YAML::Node& missing_at) {
  std::vector<Field> fields;
  ErrorCollector* collector = ErrorCollector::active();
  const std::size_t recorded_before = collector != nullptr ? collector->size() : 0;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      throw doc.error(key, "expected a key name, found " + describe_node(doc, key))
          .hint("keys are plain names such as 'module:'");
    }
    const std::string& written = key.Scalar();
    const KeySpec* spec = lookup(table, written);
    if (spec == nullptr) {
      report_unknown_key(doc, key, written, table);
      continue;  // collected: the other keys are still read
    }
    bool again = false;
    for (const auto& seen : fields) {
      if (seen.name != spec->name) continue;
      again = true;
      if (seen.written == written) {
        report(doc.error(key, fmt::format("duplicate key '{}' (first set at line {})", written,
                                          doc.mark(seen.key).line))
                   .hint(fmt::format("keep only one '{}' {}", written, table.where)));
      } else {
        report(doc.error(key, fmt::format("both '{}' and its legacy name '{}' are set", spec->name,
                                          spec->alias))
                   .hint(fmt::format("keep only one of them, preferably '{}'", spec->name)));
      }
      break;
    }
    if (again) continue;
    fields.push_back(Field{std::string(spec->name), written, key, it->second});
  }
  for (const auto& spec : table.keys) {
    if (!spec.required) continue;
    const bool present = std::any_of(fields.begin(), fields.end(),
                                     [&](const Field& f) { return f.name == spec.name; });
    if (present) continue;
    // A misspelt required key ('modul:') was reported as unknown already: that error, not a
    // second one about the same mistake, stops the reading of this mapping.
    if (collector != nullptr && collector->size() > recorded_before) throw collector->take_last();
    Error error =
        doc.error(missing_at, fmt::format("missing required key '{}' {}", spec.name, table.where));
    if (!spec.missing_hint.empty()) error.hint(std::string(spec.missing_hint));
    throw error;
  }
  return Fields(node, std::move(fields));
}

}  // namespace

const Field* Fields::find(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

const Field* Fields::find_set(std::string_view name) const {
  const Field* field = find(name);
  return (field == nullptr || field->is_null()) ? nullptr : field;
}

Fields read_mapping(const YamlDocument& doc, const Field& field, const KeyTable& table) {
  if (!field.value.IsMap()) {
    throw_wrong_kind(doc, field.at(), field.value, field.quoted(), "a mapping");
  }
  return check_mapping(doc, field.value, table, field.key);
}

Fields read_mapping(const YamlDocument& doc, const YAML::Node& node, const KeyTable& table,
                    std::string_view subject) {
  if (!node.IsMap()) throw_wrong_kind(doc, node, node, subject, "a mapping");
  return check_mapping(doc, node, table, node);
}

}  // namespace pum::config
