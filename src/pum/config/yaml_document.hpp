#pragma once
// A parsed .pum.yaml that remembers its text, so that every node can be named as
// display_name:line:col with the line shown under the message.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <memory>
#include <string>

#include "pum/config/mark.hpp"
#include "pum/config/yaml_scalar.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace pum::config {

class YamlDocument {
 public:
  // Reads and parses a file. Throws pum::Error for an unreadable file, a YAML syntax error
  // (at yaml-cpp's line:col, with its message) or more than one document.
  static YamlDocument load(const std::filesystem::path& path, std::string display_name);
  // Parses text already in memory.
  static YamlDocument parse(std::string text, std::string display_name);

  // The document's root; a Null node for an empty file.
  [[nodiscard]] const YAML::Node& root() const { return root_; }
  [[nodiscard]] const std::string& name() const { return source_->name(); }
  [[nodiscard]] std::shared_ptr<const SourceText> source() const { return source_; }

  // 1-based line and column (in characters) of a node; {0, 0} when yaml-cpp has none.
  [[nodiscard]] Mark mark(const YAML::Node& node) const;
  [[nodiscard]] SourceLocation location(const YAML::Node& node) const;
  // An error located at the node; the caller adds a hint and throws it.
  [[nodiscard]] Error error(const YAML::Node& node, std::string message) const;

 private:
  YamlDocument(std::shared_ptr<const SourceText> source, const YAML::Node& root)
      : source_(std::move(source)), root_(root) {}

  std::shared_ptr<const SourceText> source_;
  YAML::Node root_;
};

// display_name:line:col with the text of that line.
SourceLocation location_in(const SourceText* source, const std::string& display_name, Mark mark);

// The typed value of a scalar node: plain scalars as PyYAML types them, quoted and block
// scalars and `!!str` as strings, a Null node as null. Throws for tags PyYAML's safe_load
// refuses (custom `!tag`s).
TypedScalar typed_scalar(const YamlDocument& doc, const YAML::Node& node);

// What a node is, for "must be X, found Y": "a mapping", "a list", "null", "a string ('abc')",
// "an integer (2024)", "a boolean (yes)", "a decimal number (1.5)".
std::string describe_node(const YamlDocument& doc, const YAML::Node& node);

}  // namespace pum::config
