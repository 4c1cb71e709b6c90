#pragma once
// Maps byte offsets in a rendered SQL text (placeholders substituted, see render.hpp) back to byte
// offsets in the source file, so that a server error position points into the user's file.
#include <cstddef>
#include <vector>

namespace pum::sql {

class OffsetMap {
 public:
  // From `rendered` on, text was copied from `source` on (offsets advance together).
  void add_copy(std::size_t rendered, std::size_t source);
  // From `rendered` on, text was generated for what starts at `source` (e.g. a substituted value
  // for the placeholder's '{'): every offset up to the next piece maps to `source`.
  void add_generated(std::size_t rendered, std::size_t source);
  // The rendered text ends at `rendered`, which maps to `source` (one past the source range).
  void finish(std::size_t rendered, std::size_t source);

  // Absolute source offset of a rendered byte offset; offsets at or past the end map to the end.
  [[nodiscard]] std::size_t to_source(std::size_t rendered_offset) const;

 private:
  struct Piece {
    std::size_t rendered;
    std::size_t source;
    bool copied;
  };
  void add(Piece piece);

  std::vector<Piece> pieces_;
  std::size_t rendered_end_ = 0;
  std::size_t source_end_ = 0;
};

}  // namespace pum::sql
