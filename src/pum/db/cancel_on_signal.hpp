#pragma once
// While alive, SIGINT and SIGTERM first ask the server to cancel the running statement (so a
// long migration stops at once instead of running to its end), then end pum with the signal's
// default action. The open transaction is never committed: the server rolls it back.
#include "pum/db/connection.hpp"

namespace pum::db {

class CancelOnSignal {
 public:
  explicit CancelOnSignal(Connection& conn);
  ~CancelOnSignal();
  CancelOnSignal(const CancelOnSignal&) = delete;
  CancelOnSignal& operator=(const CancelOnSignal&) = delete;
};

}  // namespace pum::db
