#pragma once
// Rendering a Report in the format asked for, and writing it: to stdout with a final newline
// (as pum prints it), or to the -o file exactly as rendered (as pum writes it).
#include <optional>
#include <string>

#include "pum/check/html_report.hpp"
#include "pum/check/report.hpp"

namespace pum::check {

enum class Format { text, json, html };

struct OutputOptions {
  Format format = Format::text;
  std::optional<std::string> file;  // -o
};

// "text", "json", "html"; nullopt otherwise.
std::optional<Format> format_from_string(std::string_view name);

std::string render(const Report& report, Format format, const HtmlOptions& html = {});

// Throws pum::Error naming the file when it cannot be written.
void write_output(const std::string& rendered, const OutputOptions& output);

}  // namespace pum::check
