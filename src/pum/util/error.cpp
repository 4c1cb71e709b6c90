#include "pum/util/error.hpp"

#include <fmt/format.h>

namespace pum {

std::string SourceLocation::str() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Error::what() const {
  if (!location_.known()) return message_;
  return location_.str() + ": " + message_;
}

}  // namespace pum
