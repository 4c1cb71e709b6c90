#include "pum/sql/offset_map.hpp"

#include <algorithm>

namespace pum::sql {

void OffsetMap::add(Piece piece) {
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    // A copy that continues the previous copy needs no piece of its own: this keeps the map small
    // (one piece per substitution, not per token).
    if (piece.copied && last.copied &&
        last.source + (piece.rendered - last.rendered) == piece.source) {
      return;
    }
    // An empty previous piece is replaced.
    if (last.rendered == piece.rendered) {
      last = piece;
      return;
    }
  }
  pieces_.push_back(piece);
}

void OffsetMap::add_copy(std::size_t rendered, std::size_t source) {
  add(Piece{rendered, source, true});
}

void OffsetMap::add_generated(std::size_t rendered, std::size_t source) {
  add(Piece{rendered, source, false});
}

void OffsetMap::finish(std::size_t rendered, std::size_t source) {
  rendered_end_ = rendered;
  source_end_ = source;
}

std::size_t OffsetMap::to_source(std::size_t rendered_offset) const {
  if (rendered_offset >= rendered_end_ || pieces_.empty()) return source_end_;
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), rendered_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.rendered; });
  if (it == pieces_.begin()) return pieces_.front().source;
  const Piece& piece = *(it - 1);
  return piece.copied ? piece.source + (rendered_offset - piece.rendered) : piece.source;
}

}  // namespace pum::sql
