#include "pum/check/output.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "pum/check/json_report.hpp"
#include "pum/check/text_report.hpp"
#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::check {

std::optional<Format> format_from_string(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "html") return Format::html;
  return std::nullopt;
}

std::string render(const Report& report, Format format, const HtmlOptions& html) {
  switch (format) {
    case Format::json:
      return json_report(report);
    case Format::html:
      return html_report(report, html);
    case Format::text:
    default:
      return text_report(report);
  }
}

void write_output(const std::string& rendered, const OutputOptions& output) {
  if (!output.file) {
    std::cout << rendered;
    if (rendered.empty() || rendered.back() != '\n') std::cout << '\n';
    std::cout.flush();
    return;
  }
  std::ofstream file(*output.file, std::ios::binary | std::ios::trunc);
  if (file) file << rendered;
  if (file) file.close();
  if (!file) {
    throw Error(
        fmt::format("cannot write the report to {}: {}", *output.file, std::strerror(errno)))
        .hint("check that the directory exists and is writable, or leave out -o to print it");
  }
  log::info("Report written to {}", *output.file);
}

}  // namespace pum::check
