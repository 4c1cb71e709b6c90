#pragma once
// Where the text of an inline `code:` hook sits in .pum.yaml, so that an error at line 2,
// column 31 of the SQL is reported at the right line and column of the YAML file.
#include <memory>
#include <optional>
#include <vector>

#include "pum/config/config.hpp"
#include "pum/util/source_location.hpp"

namespace pum::run {

class CodeOrigin {
 public:
  // nullopt when the code's lines cannot be found verbatim in the file (escapes in a quoted
  // scalar, folded block scalars): errors then keep their position inside the code.
  static std::optional<CodeOrigin> find(const config::Config& config, const config::Hook& hook);

  // A location inside the code (line/column of the code text) as a location in .pum.yaml.
  [[nodiscard]] SourceLocation map(const SourceLocation& in_code) const;

 private:
  struct Line {
    int yaml_line;      // 1-based
    int column_offset;  // characters before the code line starts on that YAML line
  };
  std::shared_ptr<const SourceText> yaml_;
  std::string file_;
  std::vector<Line> lines_;
};

}  // namespace pum::run
