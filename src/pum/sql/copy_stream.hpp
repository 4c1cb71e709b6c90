#pragma once
// A SQL script read the way psql reads one, in pieces of bounded size, so that a file of any size
// (a 1 GB `pg_dump --data-only` output) is loaded with flat memory:
//   - SQL pieces: whole lines holding complete statements, about `chunk_bytes` each, cut at a line
//     end where no statement, quote, comment or body is open (decided by pum's own lexer and
//     splitter, so a piece splits into exactly the statements the whole file would);
//   - a piece whose last statement is `COPY ... FROM STDIN` is cut right after that statement's
//     line: the lines that follow, up to a line `\.` (or the end of the file), are its data, read
//     with copy_data() in blocks and never parsed as SQL;
//   - psql meta-command lines (`\restrict KEY`, `\connect db`...) met between statements come as
//     pieces of their own; what to do with them is the caller's decision.
// A single statement larger than chunk_bytes stays whole (it must be sent whole).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/sql/script.hpp"

namespace pum::sql {

struct ScriptPiece {
  enum class Kind { sql, meta_command };
  Kind kind = Kind::sql;
  int first_line = 1;  // 1-based line of the file where the piece starts (a piece starts a line)
  // sql: whole lines of the file, line ends included. meta_command: the line without its end.
  std::string text;
  // sql: the last statement is COPY ... FROM STDIN; its data follows (call copy_data()).
  bool copy_data_follows = false;
};

struct CopyBlock {
  int first_line = 0;     // line of the file of the first data line
  std::size_t lines = 0;  // data lines (the `\.` line not counted)
  std::uintmax_t bytes = 0;
  bool terminated = false;  // ended by a `\.` line; false: by the end of the file
};

class CopyStream {
 public:
  static constexpr std::size_t kDefaultChunkBytes = std::size_t{1} << 20;
  static constexpr std::size_t kDefaultBlockBytes = std::size_t{256} << 10;

  // Opens the file; throws pum::Error naming `display` when it cannot be read.
  CopyStream(const std::filesystem::path& path, std::string display,
             std::size_t chunk_bytes = kDefaultChunkBytes);
  ~CopyStream();
  CopyStream(const CopyStream&) = delete;
  CopyStream& operator=(const CopyStream&) = delete;

  // The next piece; nullopt at the end of the file. Throws pum::Error (located in the file) when a
  // COPY ... FROM STDIN is followed by another statement on its line (its data could not start
  // on the next line), and std::logic_error when the data of the previous piece was not read.
  std::optional<ScriptPiece> next();

  // The data of the COPY that ended the last piece, passed to `sink` in blocks of whole lines
  // (about block_bytes each, line ends included, the `\.` line left out). An empty sink skips it.
  // When the sink returns false, reading stops at once and the stream cannot be used any more
  // (the caller gives up on the file, e.g. the server rejected the data).
  CopyBlock copy_data(const std::function<bool(std::string_view)>& sink,
                      std::size_t block_bytes = kDefaultBlockBytes);

  [[nodiscard]] const std::string& display() const { return display_; }
  [[nodiscard]] std::uintmax_t bytes_read() const { return bytes_read_; }

 private:
  // The next line with its line end (the last one may have none); nullopt at the end.
  std::optional<std::string_view> read_line();
  ScriptPiece take_sql(bool copy_follows);

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  std::string display_;
  std::size_t chunk_bytes_;
  char* line_buffer_ = nullptr;
  std::size_t line_capacity_ = 0;
  int line_ = 0;  // lines read so far
  std::uintmax_t bytes_read_ = 0;

  std::string pending_;              // the lines of the SQL piece being built
  int pending_first_line_ = 1;       //
  std::size_t checked_upto_ = 0;     // pending_[0, checked_upto_) is known to end a statement
  bool stdin_seen_ = false;          // "stdin" appeared in pending_ after checked_upto_
  std::size_t next_size_check_ = 0;  // back-off for the size cut inside a long statement
  std::optional<ScriptPiece> stashed_meta_;  // a meta-command line met while pending_ was not empty
  bool in_copy_ = false;                     // copy_data() must be called before next()
};

// What the cutter needs to know about a text made of whole statements (exposed for tests).
struct PieceCheck {
  bool complete = false;  // nothing is left open: every statement with code ended by its ';'
  bool ends_with_copy_from_stdin = false;  // ... and the last one is COPY ... FROM STDIN
  // Offset of a COPY ... FROM STDIN that is not the last statement, if any.
  std::optional<std::size_t> misplaced_copy;
};
PieceCheck check_piece(std::string_view text);

// True when the statement is COPY ... FROM STDIN (FROM STDIN outside parentheses).
bool is_copy_from_stdin(const Script& script, const Statement& statement);

}  // namespace pum::sql
