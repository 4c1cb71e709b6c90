#include "pum/hooks/python_errors.hpp"

#include <fmt/format.h>

namespace pum::hooks {

std::string display_path(const std::filesystem::path& path,
                         const std::filesystem::path& module_dir) {
  std::filesystem::path normal = path.lexically_normal();
  std::filesystem::path base = module_dir.lexically_normal();
  std::filesystem::path relative = normal.lexically_relative(base);
  if (!relative.empty() && *relative.begin() != ".." && relative.is_relative()) {
    return relative.generic_string();
  }
  return normal.generic_string();
}

namespace {

bool inside(const std::filesystem::path& path, const std::filesystem::path& dir) {
  std::filesystem::path relative =
      path.lexically_normal().lexically_relative(dir.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

SourceLocation location_of(const plugin::Frame& frame, const std::filesystem::path& module_dir) {
  SourceLocation location;
  location.file = display_path(frame.file, module_dir);
  location.line = frame.line;
  location.column = frame.column;
  location.line_text = frame.line_text;
  return location;
}

// Python's own line: "File "x", line 3, in f" becomes "x:3 in f: <code>".
std::string frame_line(const plugin::Frame& frame, const std::filesystem::path& module_dir) {
  std::string text = display_path(frame.file, module_dir);
  if (frame.line > 0) text += fmt::format(":{}", frame.line);
  if (!frame.function.empty()) text += " in " + frame.function;
  std::string code = frame.line_text;
  std::size_t first = code.find_first_not_of(" \t");
  code = first == std::string::npos ? "" : code.substr(first);
  while (!code.empty() && (code.back() == ' ' || code.back() == '\r')) code.pop_back();
  if (!code.empty()) text += ": " + code;
  return text;
}

}  // namespace

Error failure_to_error(const plugin::Failure& failure, const std::string& prefix,
                       const std::filesystem::path& module_dir) {
  Error error(prefix + failure.message);
  if (!failure.where.file.empty()) {
    error.at(location_of(failure.where, module_dir));
  } else if (!failure.traceback.empty()) {
    const plugin::Frame* chosen = &failure.traceback.back();
    for (auto it = failure.traceback.rbegin(); it != failure.traceback.rend(); ++it) {
      if (inside(it->file, module_dir)) {
        chosen = &*it;
        break;
      }
    }
    error.at(location_of(*chosen, module_dir));
  }
  if (!failure.sqlstate.empty()) error.sqlstate(failure.sqlstate);
  for (const auto& [label, text] : failure.details) error.detail(label, text);
  if (!failure.traceback.empty()) {
    error.detail("CONTEXT", "Python traceback (most recent call last):");
    for (const auto& frame : failure.traceback) {
      error.detail("CONTEXT", "  " + frame_line(frame, module_dir));
    }
  }
  for (const auto& hint : failure.hints) error.hint(hint);
  return error;
}

std::optional<Error> transaction_problem(PGTransactionStatusType before,
                                         PGTransactionStatusType after,
                                         const std::string& hook_display) {
  if (after == before) return std::nullopt;
  switch (after) {
    case PQTRANS_IDLE:
      return Error(fmt::format("Python hook {} ended pum's transaction (COMMIT or ROLLBACK)",
                               hook_display))
          .hint(
              "pum runs the whole command in one transaction and commits it at the end; a hook "
              "must not commit, roll back or change autocommit. What ran before the hook may "
              "already be committed: check the database");
    case PQTRANS_INERROR:
      return Error(fmt::format(
                       "Python hook {} left the transaction failed: one of its SQL statements "
                       "failed and the hook went on",
                       hook_display))
          .hint(
              "let psycopg's exception propagate, or run the statement that may fail in a "
              "savepoint: `with connection.transaction(): ...`");
    case PQTRANS_ACTIVE:
      return Error(fmt::format("Python hook {} returned while a query was still running",
                               hook_display))
          .hint("read every result of the queries the hook sends before run_hook returns");
    case PQTRANS_UNKNOWN:
      return Error(fmt::format("Python hook {} closed or lost pum's connection", hook_display))
          .hint("a hook must not close, reset or replace the connection it is given");
    case PQTRANS_INTRANS:
      return Error(fmt::format("Python hook {} started a transaction of its own", hook_display))
          .hint("pum runs hooks inside its own transaction; a hook must not open another");
  }
  return Error(fmt::format("Python hook {} changed the transaction status", hook_display));
}

}  // namespace pum::hooks
