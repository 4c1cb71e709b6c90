// libFuzzer target: the `{name}` placeholder renderer (sql::render per statement, and
// sql::render_whole as for inline hooks) with a fixed set of parameters of every type, and the
// map from rendered offsets back to the source file that error messages use. Any input must
// render or be refused with a pum::Error (unknown parameter, single brace, ...).
// Invariants checked: every rendered offset maps into the source text, and source_location
// gives a real line for it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "pum/params/value.hpp"
#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"
#include "pum/util/error.hpp"
#include "pum/util/source_text.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

const pum::Parameters& parameters() {
  static const pum::Parameters params = {
      {"schema", pum::Value{std::string("pipes")}},
      {"quote", pum::Value{std::string("it's a \\ {brace}")}},
      {"srid", pum::Value{std::int64_t{2056}}},
      {"negative", pum::Value{std::int64_t{-5}}},
      {"ratio", pum::Value{1.5}},
      {"huge", pum::Value{std::numeric_limits<double>::infinity()}},
      {"flag", pum::Value{true}},
      {"nothing", pum::Value{std::monostate{}}},
      {"empty", pum::Value{std::string()}},
  };
  return params;
}

void check_rendered(const pum::sql::Script& script, const pum::sql::Rendered& rendered) {
  const std::size_t source_size = script.source.text().size();
  // Every offset for short outputs, a sample for long ones (the map is what matters).
  const std::size_t step = std::max<std::size_t>(1, rendered.sql.size() / 256);
  for (std::size_t offset = 0; offset <= rendered.sql.size(); offset += step) {
    check(rendered.map.to_source(offset) <= source_size);
    const pum::SourceLocation where = pum::sql::source_location(script, rendered, offset);
    check(where.line >= 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<pum::sql::Script> parsed;
  try {
    parsed = pum::sql::parse_script(pum::SourceText("fuzz.sql", text));
  } catch (const pum::Error&) {
    return 0;
  }
  const pum::sql::Script& script = *parsed;
  for (const auto& statement : script.statements) {
    if (!statement.has_code) continue;
    try {
      check_rendered(script, pum::sql::render(script, statement, parameters()));
    } catch (const pum::Error&) {
    }
  }
  try {
    check_rendered(script, pum::sql::render_whole(script, parameters()));
  } catch (const pum::Error&) {
  }
  return 0;
}
