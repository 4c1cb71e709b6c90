#pragma once
// pgdbm's templates, rendered exactly as pgdbm renders them:
//
//   with a schema S:   {{schema}} -> "S"   {{tables.t}} -> "S".t   {{tables.s2.t}} -> "s2".t
//   without a schema:  {{schema}}. -> ""   {{schema}} -> public     {{tables.t}} -> t
//                      {{tables.s2.t}} -> "s2".t
//
// in that order ({{schema}} first, then the explicit, then the implicit table form), everywhere
// in the text: comments and strings too, as pgdbm does, since files depend on it. A name in
// {{tables.}} must match [a-zA-Z_][a-zA-Z0-9_]{0,62}; otherwise the statement is refused, located
// at the template. The rendered statement keeps a map back to the file, so a server error in it
// points into the file.
#include <optional>
#include <string>
#include <string_view>

#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"

namespace pum::flat {

class Templates {
 public:
  // Throws a usage error when the schema is not a simple identifier.
  explicit Templates(std::optional<std::string> schema);

  // One statement, from its first non-whitespace token to its end (the ';' excluded), as
  // sql::render cuts it. Usable as run::FileRules::render.
  [[nodiscard]] sql::Rendered render(const sql::Script& script,
                                     const sql::Statement& statement) const;

  // A whole text, rendered the same way (no map, no location for errors beyond `display`).
  [[nodiscard]] std::string render_text(std::string_view text) const;

  [[nodiscard]] const std::optional<std::string>& schema() const { return schema_; }

 private:
  std::optional<std::string> schema_;
};

}  // namespace pum::flat
