#include "pum/run/code_origin.hpp"

#include <string_view>

#include "pum/util/source_text.hpp"

namespace pum::run {

namespace {
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}
}  // namespace

std::optional<CodeOrigin> CodeOrigin::find(const config::Config& config, const config::Hook& hook) {
  if (!config.source || !hook.code || hook.code_mark.line <= 0) return std::nullopt;
  const SourceText& yaml = *config.source;
  std::string_view first = yaml.line_text(hook.code_mark.line);
  std::size_t start = utf8_char_to_byte(first, static_cast<std::size_t>(hook.code_mark.column - 1));
  std::string_view rest = first.substr(std::min(start, first.size()));
  std::vector<std::string_view> code_lines = split_lines(*hook.code);

  CodeOrigin origin;
  origin.yaml_ = config.source;
  origin.file_ = config.display_file;
  if (!rest.empty() && rest.front() == '|') {
    // Literal block scalar: code line k is YAML line mark+1+k, after the indentation.
    for (std::size_t k = 0; k < code_lines.size(); ++k) {
      int line = hook.code_mark.line + 1 + static_cast<int>(k);
      std::string_view text = yaml.line_text(line);
      if (code_lines[k].empty()) {
        origin.lines_.push_back({line, 0});
        continue;
      }
      std::size_t at = text.find(code_lines[k]);
      if (at == std::string_view::npos) return std::nullopt;
      origin.lines_.push_back({line, static_cast<int>(utf8_length(text.substr(0, at)))});
    }
    return origin;
  }
  // A scalar on one line (plain or quoted): the code must appear there verbatim.
  if (code_lines.size() != 1) return std::nullopt;
  std::size_t at = first.find(code_lines[0], start);
  if (at == std::string_view::npos) return std::nullopt;
  origin.lines_.push_back(
      {hook.code_mark.line, static_cast<int>(utf8_length(first.substr(0, at)))});
  return origin;
}

SourceLocation CodeOrigin::map(const SourceLocation& in_code) const {
  if (in_code.line <= 0 || static_cast<std::size_t>(in_code.line) > lines_.size()) return in_code;
  const Line& line = lines_[static_cast<std::size_t>(in_code.line) - 1];
  SourceLocation out;
  out.file = file_;
  out.line = line.yaml_line;
  out.column = in_code.column > 0 ? line.column_offset + in_code.column : 0;
  out.line_text = std::string(yaml_->line_text(line.yaml_line));
  return out;
}

}  // namespace pum::run
