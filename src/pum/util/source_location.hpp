#pragma once
// Where in a user's file something is: shown as "path:line:col" with the offending line and a
// caret.
#include <string>

namespace pum {

struct SourceLocation {
  std::string file;       // as shown to the user (relative to the module directory when possible)
  int line = 0;           // 1-based; 0 = unknown
  int column = 0;         // 1-based, in characters; 0 = unknown
  std::string line_text;  // the source line, for the caret display; may be empty

  [[nodiscard]] bool known() const { return !file.empty(); }
  // "file", "file:line" or "file:line:col"
  [[nodiscard]] std::string str() const;
};

}  // namespace pum
