#pragma once
// Runs statements (a file, or the files of a version) in a single round trip: they are joined
// into one simple-query message, and the server returns one result per statement. Counting the
// results tells which statement failed; the server's error position is mapped back to it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pum/db/connection.hpp"
#include "pum/db/server_error.hpp"

namespace pum::db {

struct BatchFailure {
  std::size_t statement = 0;  // index of the failing statement
  ServerError error;
  std::optional<std::size_t> offset;  // byte offset of the error inside that statement's text
};

// statements must each hold exactly one SQL statement without its terminating ';'.
// Returns the failure, if any; throws pum::Error only when the connection itself breaks.
// `on_done(i)` is called as the result of statement i comes back (the server is then running
// statement i + 1): callers report progress from it.
std::optional<BatchFailure> run_batch(Connection& conn,
                                      const std::vector<std::string_view>& statements,
                                      const std::function<void(std::size_t)>& on_done = {});

}  // namespace pum::db
