#include "pum/db/batch.hpp"

#include <algorithm>

#include "pum/ui/log.hpp"
#include "pum/util/source_text.hpp"

namespace pum::db {

namespace {
// A newline before the ';' so that a statement ending in a -- comment is still terminated.
constexpr std::string_view kSeparator = "\n;\n";
}  // namespace

std::optional<BatchFailure> run_batch(Connection& conn,
                                      const std::vector<std::string_view>& statements,
                                      const std::function<void(std::size_t)>& on_done) {
  if (statements.empty()) return std::nullopt;
  std::string joined;
  std::vector<std::size_t> starts;
  std::size_t total = 0;
  for (auto s : statements) total += s.size() + kSeparator.size();
  joined.reserve(total);
  starts.reserve(statements.size());
  for (auto s : statements) {
    if (log::enabled(log::Level::sql)) log::sql("Executing SQL: {}", s);
    // Only between statements: the last one ends where its file ends, so that an unfinished
    // statement is reported "at end of input" as the server would for the file itself.
    if (!starts.empty()) joined += kSeparator;
    starts.push_back(joined.size());
    joined += s;
  }

  PGconn* raw = conn.raw();
  if (PQsendQuery(raw, joined.c_str()) == 0) throw_server_error(raw, nullptr, {});

  std::optional<BatchFailure> failure;
  std::size_t completed = 0;
  bool connection_broken = false;
  while (PGresult* result = PQgetResult(raw)) {
    Result owned(result);
    switch (PQresultStatus(result)) {
      case PGRES_COMMAND_OK:
      case PGRES_TUPLES_OK:
        if (on_done && !failure) on_done(completed);
        ++completed;
        break;
      case PGRES_COPY_IN:
        // Changelogs run inside one message; data for COPY ... FROM stdin cannot follow it.
        PQputCopyEnd(raw, "COPY FROM STDIN is not supported in changelogs");
        break;
      case PGRES_COPY_OUT: {
        char* buffer = nullptr;
        while (PQgetCopyData(raw, &buffer, 0) > 0) PQfreemem(buffer);
        break;
      }
      case PGRES_EMPTY_QUERY:
        break;
      default:
        if (!failure) {
          BatchFailure f;
          f.statement = std::min(completed, statements.size() - 1);
          f.error = ServerError::from_result(result);
          if (f.error.position > 0) {
            std::size_t byte =
                utf8_char_to_byte(joined, static_cast<std::size_t>(f.error.position - 1));
            auto it = std::upper_bound(starts.begin(), starts.end(), byte);
            std::size_t index = static_cast<std::size_t>(it - starts.begin()) - 1;
            f.statement = index;
            f.offset = std::min(byte - starts[index], statements[index].size());
          }
          failure = std::move(f);
        }
        if (PQstatus(raw) == CONNECTION_BAD) connection_broken = true;
        break;
    }
    if (connection_broken) break;
  }
  if (connection_broken || PQstatus(raw) == CONNECTION_BAD) {
    if (failure) return failure;
    throw_server_error(raw, nullptr, {});
  }
  return failure;
}

}  // namespace pum::db
