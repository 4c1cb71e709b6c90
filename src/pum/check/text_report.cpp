#include "pum/check/text_report.hpp"

#include "pum/check/python_repr.hpp"

namespace pum::check {

std::string text_report(const Report& report) {
  std::string out;
  bool first = true;
  auto line = [&](const std::string& text) {
    if (!first) out += '\n';
    out += text;
    first = false;
  };
  for (const auto& result : report.results) {
    const KindInfo& kind = info(result.kind);
    line(std::string(kind.title));
    for (const auto& diff : result.differences) {
      line((diff.type == DiffType::removed ? "- " : "+ ") + python_dict(kind, diff.row));
    }
  }
  return out;
}

}  // namespace pum::check
