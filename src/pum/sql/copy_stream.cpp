#include "pum/sql/copy_stream.hpp"

#include <sys/types.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "pum/sql/lexer.hpp"
#include "pum/util/error.hpp"

namespace pum::sql {

namespace {

// Error locations of the lexer are not needed while cutting (a piece that does not lex is simply
// not complete yet); the piece is lexed again, located, when it is run.
const SourceText& scratch_source() {
  static const SourceText source("", "");
  return source;
}

bool is_word(std::string_view text, const Token& token, std::string_view word) {
  return token.kind == TokenKind::word && iequals(token_text(text, token), word);
}

// COPY ... FROM STDIN: the first code word is COPY and FROM STDIN follows outside parentheses
// (COPY (SELECT * FROM stdin) TO STDOUT reads a table called stdin).
bool copy_from_stdin(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                     std::size_t last) {
  bool first_code = true;
  bool after_from = false;
  int depth = 0;
  for (std::size_t i = first; i < last; ++i) {
    const Token& token = tokens[i];
    if (!is_code(token.kind)) continue;
    if (first_code) {
      if (!is_word(text, token, "copy")) return false;
      first_code = false;
      continue;
    }
    std::string_view t = token_text(text, token);
    if (token.kind == TokenKind::other && t == "(") ++depth;
    if (token.kind == TokenKind::other && t == ")") --depth;
    if (depth == 0 && token.kind == TokenKind::word) {
      if (after_from && iequals(t, "stdin")) return true;
      after_from = iequals(t, "from");
    } else {
      after_from = false;
    }
  }
  return false;
}

bool contains_stdin(std::string_view line) {
  for (std::size_t i = 0; i + 5 <= line.size(); ++i) {
    if ((line[i] == 's' || line[i] == 'S') && iequals(line.substr(i, 5), "stdin")) return true;
  }
  return false;
}

// A psql meta-command starts with a backslash, after optional blanks.
bool is_backslash_line(std::string_view line) {
  std::size_t i = line.find_first_not_of(" \t");
  return i != std::string_view::npos && line[i] == '\\';
}

bool is_end_of_copy(std::string_view line) {
  return line == "\\." || line == "\\.\n" || line == "\\.\r\n";
}

std::string_view without_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

PieceCheck check_piece(std::string_view text) {
  std::vector<Token> tokens;
  try {
    tokens = tokenize(text, scratch_source());
  } catch (const Error&) {
    return {};  // a quote, comment or body still open
  }
  std::size_t last_code = tokens.size();
  for (std::size_t i = tokens.size(); i-- > 0;) {
    if (is_code(tokens[i].kind)) {
      last_code = i;
      break;
    }
  }
  PieceCheck out;
  if (last_code == tokens.size()) {
    out.complete = true;  // comments and blanks only
    return out;
  }
  if (tokens[last_code].kind != TokenKind::semicolon) return out;
  std::vector<Statement> statements = split_statements(text, tokens);
  const Statement* last = nullptr;
  for (const Statement& statement : statements) {
    if (statement.has_code) last = &statement;
  }
  // The final ';' may sit inside the statement (parentheses, a BEGIN ATOMIC body).
  if (last == nullptr || last->end > tokens[last_code].begin) return out;
  out.complete = true;
  for (const Statement& statement : statements) {
    if (!statement.has_code ||
        !copy_from_stdin(text, tokens, statement.first_token, statement.last_token)) {
      continue;
    }
    if (&statement == last) {
      out.ends_with_copy_from_stdin = true;
    } else if (!out.misplaced_copy) {
      out.misplaced_copy = statement.begin;
    }
  }
  return out;
}

bool is_copy_from_stdin(const Script& script, const Statement& statement) {
  return copy_from_stdin(script.source.text(), script.tokens, statement.first_token,
                         statement.last_token);
}

CopyStream::CopyStream(const std::filesystem::path& path, std::string display,
                       std::size_t chunk_bytes)
    : file_(std::fopen(path.c_str(), "rb"), &std::fclose),
      display_(std::move(display)),
      chunk_bytes_(chunk_bytes),
      next_size_check_(chunk_bytes) {
  if (!file_) {
    throw Error("cannot read file: " + path.string(), SourceLocation{display_})
        .hint("check that the file exists and is readable");
  }
}

CopyStream::~CopyStream() { std::free(line_buffer_); }

std::optional<std::string_view> CopyStream::read_line() {
  errno = 0;
  ssize_t n = ::getline(&line_buffer_, &line_capacity_, file_.get());
  if (n < 0) {
    if (std::ferror(file_.get()) != 0) {
      throw Error("error while reading file: " + display_ + ": " + std::strerror(errno),
                  SourceLocation{display_, line_ + 1});
    }
    return std::nullopt;
  }
  ++line_;
  bytes_read_ += static_cast<std::uintmax_t>(n);
  return std::string_view(line_buffer_, static_cast<std::size_t>(n));
}

ScriptPiece CopyStream::take_sql(bool copy_follows) {
  ScriptPiece piece;
  piece.first_line = pending_first_line_;
  piece.text = std::move(pending_);
  piece.copy_data_follows = copy_follows;
  pending_.clear();
  checked_upto_ = 0;
  stdin_seen_ = false;
  next_size_check_ = chunk_bytes_;
  in_copy_ = copy_follows;
  return piece;
}

std::optional<ScriptPiece> CopyStream::next() {
  if (in_copy_) throw std::logic_error("CopyStream::next() before the COPY data was read");
  if (stashed_meta_) {
    ScriptPiece meta = std::move(*stashed_meta_);
    stashed_meta_.reset();
    return meta;
  }
  while (true) {
    std::optional<std::string_view> line = read_line();
    if (!line) {
      if (pending_.empty()) return std::nullopt;
      return take_sql(false);
    }
    if (pending_.empty()) pending_first_line_ = line_;
    if (is_backslash_line(*line) &&
        check_piece(std::string_view(pending_).substr(checked_upto_)).complete) {
      ScriptPiece meta{ScriptPiece::Kind::meta_command, line_, std::string(without_line_end(*line)),
                       false};
      if (pending_.empty()) return meta;
      stashed_meta_ = std::move(meta);
      return take_sql(false);
    }
    pending_.append(*line);
    if (contains_stdin(*line)) stdin_seen_ = true;
    if (line->find(';') == std::string_view::npos) continue;
    bool size_cut = pending_.size() >= next_size_check_;
    if (!stdin_seen_ && !size_cut) continue;

    PieceCheck check = check_piece(std::string_view(pending_).substr(checked_upto_));
    if (check.misplaced_copy) {
      SourceText where(display_, pending_);
      SourceLocation location = where.location(checked_upto_ + *check.misplaced_copy);
      location.line += pending_first_line_ - 1;
      throw Error("COPY ... FROM STDIN must be the last statement of its line", location)
          .hint(
              "its data starts on the next line; put the statements after it on lines of "
              "their own");
    }
    if (check.complete) {
      if (check.ends_with_copy_from_stdin) return take_sql(true);
      if (pending_.size() >= chunk_bytes_) return take_sql(false);
      checked_upto_ = pending_.size();
      stdin_seen_ = false;
    } else if (size_cut) {
      // Inside a long statement: look again after it has grown by half, not at every line.
      next_size_check_ = pending_.size() + pending_.size() / 2;
    }
  }
}

CopyBlock CopyStream::copy_data(const std::function<bool(std::string_view)>& sink,
                                std::size_t block_bytes) {
  if (!in_copy_) throw std::logic_error("CopyStream::copy_data() without a COPY piece");
  in_copy_ = false;
  CopyBlock block;
  block.first_line = line_ + 1;
  std::string buffer;
  if (sink) buffer.reserve(block_bytes + block_bytes / 4);
  while (std::optional<std::string_view> line = read_line()) {
    if (is_end_of_copy(*line)) {
      block.terminated = true;
      break;
    }
    ++block.lines;
    block.bytes += line->size();
    if (!sink) continue;
    buffer.append(*line);
    if (buffer.size() >= block_bytes) {
      if (!sink(buffer)) {
        in_copy_ = true;  // unusable from now on
        return block;
      }
      buffer.clear();
    }
  }
  if (sink && !buffer.empty() && !sink(buffer)) in_copy_ = true;
  return block;
}

}  // namespace pum::sql
