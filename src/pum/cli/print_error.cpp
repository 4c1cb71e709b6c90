#include "pum/cli/print_error.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "pum/ui/log.hpp"
#include "pum/util/source_text.hpp"
#include "pum/util/utf8.hpp"

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
// A long line (generated SQL, minified data) is shown as about 120 characters around the
// column, with "..." where it was cut; returns the text shown and the caret's column in it.
std::pair<std::string, int> window(const std::string& line, int column) {
  constexpr std::size_t kMax = 120;
  constexpr std::size_t kBefore = 60;
  std::size_t chars = utf8_length(line);
  if (chars <= kMax) return {line, column};
  std::size_t col = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  std::size_t from = col > kBefore ? col - kBefore : 0;
  std::size_t to = std::min(chars, from + kMax);
  std::size_t b = utf8_char_to_byte(line, from);
  std::size_t e = utf8_char_to_byte(line, to);
  std::string shown = (from > 0 ? "..." : "") + line.substr(b, e - b) + (to < chars ? "..." : "");
  int caret = column > 0 ? static_cast<int>(col - from + (from > 0 ? 3 : 0)) + 1 : 0;
  return {shown, caret};
}

// A file's control bytes would reach the terminal raw through the line shown under an error
// (or through a name quoted in a message): a NUL cuts the output, an ESC starts a terminal
// sequence. Each is shown as its Unicode control picture (NUL as U+2400, ESC as U+241B), one
// character wide, so the caret still lines up. Tabs stay (caret_line keeps them too), and so do
// newlines: libpq's messages span lines. A byte that is not part of valid UTF-8 (a Latin-1 file)
// is shown as \xe9, never raw.
std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80U) {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out += fmt::format("\\x{:02x}", c);
      } else {
        out.append(text.substr(i, n));
        i += n - 1;
      }
      continue;
    }
    if (c == '\t' || c == '\n' || (c >= 0x20U && c != 0x7FU)) {
      out += ch;
      continue;
    }
    const unsigned picture = c == 0x7FU ? 0x2421U : 0x2400U + c;
    out += static_cast<char>(0xE0U | (picture >> 12U));
    out += static_cast<char>(0x80U | ((picture >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (picture & 0x3FU));
  }
  return out;
}

}  // namespace

void print_error(const Error& error) {
  std::string first = "ERROR: " + error.what();
  if (!error.sqlstate().empty()) first += fmt::format(" (SQLSTATE {})", error.sqlstate());
  log::write(log::Level::error, visible(first));
  const SourceLocation& loc = error.location();
  if (loc.line > 0 && !loc.line_text.empty()) {
    std::string number = std::to_string(loc.line);
    std::string gutter(number.size(), ' ');
    // The column counts characters of the line as written; find it again in the visible text.
    int visible_column = loc.column;
    if (loc.column > 0) {
      const std::size_t byte =
          utf8_char_to_byte(loc.line_text, static_cast<std::size_t>(loc.column - 1));
      visible_column =
          static_cast<int>(utf8_length(visible(std::string_view(loc.line_text).substr(0, byte)))) +
          1;
    }
    auto [shown, column] = window(visible(loc.line_text), visible_column);
    log::write(log::Level::error, fmt::format("  {} | {}", number, shown));
    if (column > 0) {
      log::write(log::Level::error, fmt::format("  {} | {}", gutter, caret_line(shown, column)));
    }
  }
  for (const auto& [label, text] : error.details()) {
    log::write(log::Level::error, visible(fmt::format("{}: {}", label, text)));
  }
  for (const auto& hint : error.hints()) log::write(log::Level::error, visible("HINT: " + hint));
}

}  // namespace pum::cli
