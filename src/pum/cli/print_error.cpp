#include "pum/cli/print_error.hpp"

#include <fmt/format.h>

#include <string>

#include "pum/ui/log.hpp"
#include "pum/util/source_text.hpp"

namespace pum::cli {

namespace {
// The caret line: spaces up to the column, keeping tabs so the caret lines up in a terminal.
std::string caret_line(const std::string& line, int column) {
  std::string pad;
  std::size_t byte = utf8_char_to_byte(line, static_cast<std::size_t>(column - 1));
  for (std::size_t i = 0; i < byte && i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0U) == 0x80U) continue;
    pad += (line[i] == '\t') ? '\t' : ' ';
  }
  return pad + "^";
}
}  // namespace

void print_error(const Error& error) {
  std::string first = "ERROR: " + error.what();
  if (!error.sqlstate().empty()) first += fmt::format(" (SQLSTATE {})", error.sqlstate());
  log::write(log::Level::error, first);
  const SourceLocation& loc = error.location();
  if (loc.line > 0 && !loc.line_text.empty()) {
    std::string number = std::to_string(loc.line);
    std::string gutter(number.size(), ' ');
    log::write(log::Level::error, fmt::format("  {} | {}", number, loc.line_text));
    if (loc.column > 0) {
      log::write(log::Level::error,
                 fmt::format("  {} | {}", gutter, caret_line(loc.line_text, loc.column)));
    }
  }
  for (const auto& [label, text] : error.details()) {
    log::write(log::Level::error, fmt::format("{}: {}", label, text));
  }
  for (const auto& hint : error.hints()) log::write(log::Level::error, "HINT: " + hint);
}

}  // namespace pum::cli
