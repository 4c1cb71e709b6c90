#include "pum/config/yaml_document.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace pum::config {

namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

Mark to_mark(const SourceText& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return {};
  const int line = mark.line + 1;
  // yaml-cpp counts bytes; messages count characters.
  const std::string_view text = source.line_text(line);
  const auto bytes = static_cast<std::size_t>(mark.column < 0 ? 0 : mark.column);
  const auto column = static_cast<int>(utf8_length(text.substr(0, std::min(bytes, text.size()))));
  return {line, column + 1};
}

}  // namespace

YamlDocument YamlDocument::load(const std::filesystem::path& path, std::string display_name) {
  SourceText text = SourceText::read(path, std::move(display_name));
  return parse(text.text(), text.name());
}

namespace {
// What yaml-cpp 0.7 reports badly or not at all, found before it parses: a NUL byte and a line
// indented with a tab.
void precheck(const SourceText& source) {
  const std::string& text = source.text();
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    throw Error("invalid YAML: the file contains a NUL byte", source.location(nul))
        .hint("remove it; a YAML file is text");
  }
  check_text_encoding(source);
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t end = text.find('\n', line_start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + line_start, end - line_start);
    if (line.starts_with('\t') && line.find_first_not_of(" \t\r") != std::string_view::npos) {
      throw Error("invalid YAML: a tab indents this line; YAML indents with spaces only",
                  source.location(line_start))
          .hint("replace the tab by spaces");
    }
    line_start = end + 1;
  }
}

// Records where each document starts and nothing else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

// True when the text before `pos` ends, blank lines and comments aside, with a '...' line: the
// document marker after which a second document may start without '---'.
bool follows_document_end(std::string_view text, std::size_t pos) {
  std::size_t end = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  while (end != std::string_view::npos && end > 0) {
    const std::size_t start = text.rfind('\n', end - 1);
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    std::string_view line = text.substr(from, end - from);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return line.starts_with("...");
    if (start == std::string_view::npos) break;
    end = start;
  }
  return false;
}

// yaml-cpp 0.7's LoadAll never returns when a token cannot start a node (a ',' or ']' at the top
// level, or after a tag): the parser ends the document before that token without consuming it,
// and every later call hands back another empty document at the same place. pum reads one
// document, so two document starts are all it needs to see: a second one that is neither a
// '---' nor after a '...' is that stuck token, a syntax error.
// YAML::Load then parses the first document again (yaml-cpp's NodeBuilder, which would let one
// pass build the node, is not public); a configuration is a few kilobytes.
void check_single_document(const SourceText& source) {
  std::istringstream input(source.text());
  YAML::Parser parser(input);
  DocumentStarts starts;
  while (starts.marks.size() < 2 && parser.HandleNextDocument(starts)) {
  }
  if (starts.marks.size() < 2) return;
  const YAML::Mark& second = starts.marks[1];
  const std::string_view text = source.text();
  // yaml-cpp counts positions after the byte order mark it skips.
  const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const auto pos = static_cast<std::size_t>(std::max(second.pos, 0)) + bom;
  const Mark mark = to_mark(source, second);
  if (text.substr(pos).starts_with("---") || follows_document_end(text, pos)) {
    throw Error("the configuration holds more than one YAML document",
                location_in(&source, source.name(), mark))
        .hint(
            "keep a single document: remove the '---' (or '...') line and what follows it, or "
            "merge it into the first");
  }
  const std::string_view rest = text.substr(std::min(pos, text.size()));
  const std::string_view token = rest.substr(0, utf8_char_to_byte(rest, 1));
  // The first document is empty when the stuck token is the file's first one.
  const bool first_token = starts.marks[0].pos == second.pos;
  throw Error("invalid YAML: unexpected '" + std::string(token) + "'",
              location_in(&source, source.name(), mark))
      .hint(first_token ? "a configuration starts with a key such as 'pum:'"
                        : "remove it, or quote the value it belongs to");
}
}  // namespace

YamlDocument YamlDocument::parse(std::string text, std::string display_name) {
  auto source = std::make_shared<const SourceText>(std::move(display_name), std::move(text));
  precheck(*source);
  YAML::Node root;
  try {
    check_single_document(*source);
    root = YAML::Load(source->text());
  } catch (const YAML::Exception& e) {
    const Mark mark = to_mark(*source, e.mark);
    throw Error("invalid YAML: " + e.msg, location_in(source.get(), source->name(), mark))
        .hint(
            "fix the YAML syntax at this position; check the indentation and the ':' after "
            "each key");
  }
  return {std::move(source), root};
}

Mark YamlDocument::mark(const YAML::Node& node) const { return to_mark(*source_, node.Mark()); }

SourceLocation YamlDocument::location(const YAML::Node& node) const {
  return location_in(source_.get(), source_->name(), mark(node));
}

Error YamlDocument::error(const YAML::Node& node, std::string message) const {
  return Error(std::move(message), location(node));
}

SourceLocation location_in(const SourceText* source, const std::string& display_name, Mark mark) {
  if (mark.line <= 0) return SourceLocation{display_name};
  std::string line_text;
  if (source != nullptr) line_text = std::string(source->line_text(mark.line));
  return SourceLocation{display_name, mark.line, mark.column, std::move(line_text)};
}

TypedScalar typed_scalar(const YamlDocument& doc, const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return {ScalarType::null, Value{}};
  const std::string& tag = node.Tag();
  const std::string& text = node.Scalar();
  if (tag == "?") return resolve_plain_scalar(text);
  if (tag == "!") return {ScalarType::text, Value{text}};
  if (std::string_view(tag).starts_with(kCoreTagPrefix)) {
    const std::string_view core = std::string_view(tag).substr(kCoreTagPrefix.size());
    if (core == "str") return {ScalarType::text, Value{text}};
    TypedScalar typed = resolve_plain_scalar(text);
    const bool matches = (core == "int" && typed.type == ScalarType::integer) ||
                         (core == "float" && (typed.type == ScalarType::decimal ||
                                              typed.type == ScalarType::integer)) ||
                         (core == "bool" && typed.type == ScalarType::boolean) ||
                         (core == "null" && typed.type == ScalarType::null);
    if (matches) {
      if (core == "float" && typed.type == ScalarType::integer) {
        typed = {ScalarType::decimal,
                 Value{static_cast<double>(std::get<std::int64_t>(typed.value))}};
      }
      return typed;
    }
    throw doc.error(node, "'" + text + "' cannot be read as !!" + std::string(core))
        .hint("remove the tag, or write a value of that type");
  }
  throw doc.error(node, "unsupported YAML tag '" + tag + "'")
      .hint(
          "remove the tag: pum reads plain YAML values (strings, numbers, booleans, lists, "
          "mappings)");
}

std::string describe_node(const YamlDocument& doc, const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "null";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  const TypedScalar typed = typed_scalar(doc, node);
  if (typed.type == ScalarType::null) return "null";
  if (typed.type == ScalarType::text) return "a string ('" + node.Scalar() + "')";
  return std::string(scalar_type_phrase(typed.type)) + " (" + node.Scalar() + ")";
}

}  // namespace pum::config
