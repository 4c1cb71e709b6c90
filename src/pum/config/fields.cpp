#include "pum/config/fields.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string>

#include "pum/config/coerce.hpp"

namespace pum::config {

namespace {

std::string kind_hint(const YamlDocument& doc, const YAML::Node& node, std::string_view expected) {
  if (expected == "a mapping")
    return "write its keys on the following lines, indented: 'key: value'";
  if (expected == "a list") return "write one entry per line, each starting with '- '";
  if (expected == "a string") {
    if (node.IsScalar() && typed_scalar(doc, node).type != ScalarType::text) {
      return fmt::format("quote the value to keep it as text: '{}'", node.Scalar());
    }
    return "write a single value on the same line as the key";
  }
  if (expected == "true or false") return "write true or false";
  return fmt::format("write {}", expected);
}

}  // namespace

void throw_wrong_kind(const YamlDocument& doc, const YAML::Node& at, const YAML::Node& node,
                      std::string_view subject, std::string_view expected) {
  throw doc
      .error(at,
             fmt::format("{} must be {}, found {}", subject, expected, describe_node(doc, node)))
      .hint(kind_hint(doc, node, expected));
}

std::string read_string(const YamlDocument& doc, const Field& field) {
  if (!field.value.IsScalar() || typed_scalar(doc, field.value).type != ScalarType::text) {
    throw_wrong_kind(doc, field.at(), field.value, field.quoted(), "a string");
  }
  return field.value.Scalar();
}

std::string read_nonempty_string(const YamlDocument& doc, const Field& field) {
  std::string text = read_string(doc, field);
  if (text.empty()) {
    throw doc.error(field.at(), fmt::format("{} must not be empty", field.quoted()))
        .hint(fmt::format("write a value after '{}:' or remove the key", field.written));
  }
  return text;
}

std::optional<std::string> read_optional_string(const YamlDocument& doc, const Field& field) {
  if (field.is_null()) return std::nullopt;
  return read_string(doc, field);
}

std::string read_scalar_text(const YamlDocument& doc, const Field& field) {
  if (field.is_null() || !field.value.IsScalar()) {
    throw_wrong_kind(doc, field.at(), field.value, field.quoted(), "a string");
  }
  return field.value.Scalar();
}

bool read_bool(const YamlDocument& doc, const Field& field) {
  if (field.is_null()) return false;
  if (field.value.IsScalar()) {
    const TypedScalar typed = typed_scalar(doc, field.value);
    if (typed.type == ScalarType::boolean) return std::get<bool>(typed.value);
    // pum 1.8 validates boolean keys with pydantic, which also takes 0/1 and these words in any
    // case, quoted or not.
    if (const auto* i = std::get_if<std::int64_t>(&typed.value)) {
      if (*i == 0 || *i == 1) return *i == 1;
    }
    std::string word = field.value.Scalar();
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* t : {"1", "on", "t", "true", "y", "yes"}) {
      if (word == t) return true;
    }
    for (const char* f : {"0", "off", "f", "false", "n", "no"}) {
      if (word == f) return false;
    }
  }
  throw_wrong_kind(doc, field.at(), field.value, field.quoted(), "true or false");
}

std::vector<YAML::Node> read_list(const YamlDocument& doc, const Field& field) {
  if (field.is_null()) return {};
  if (!field.value.IsSequence()) {
    throw_wrong_kind(doc, field.at(), field.value, field.quoted(), "a list");
  }
  std::vector<YAML::Node> items;
  for (auto it = field.value.begin(); it != field.value.end(); ++it) items.push_back(*it);
  return items;
}

std::vector<std::string> read_string_list(const YamlDocument& doc, const Field& field,
                                          bool non_empty) {
  std::vector<std::string> out;
  for (const YAML::Node& item : read_list(doc, field)) {
    if (!item.IsScalar() || typed_scalar(doc, item).type != ScalarType::text) {
      throw_wrong_kind(doc, item, item, "each entry of " + field.quoted(), "a string");
    }
    out.push_back(item.Scalar());
  }
  if (non_empty && out.empty()) {
    throw doc.error(field.at(), fmt::format("{} must list at least one entry", field.quoted()))
        .hint(
            fmt::format("add entries under '{}:', one per line starting with '- '", field.written));
  }
  return out;
}

}  // namespace pum::config
