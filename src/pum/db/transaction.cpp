#include "pum/db/transaction.hpp"

#include "pum/ui/log.hpp"
#include "pum/util/error.hpp"

namespace pum::db {

Transaction::Transaction(Connection& conn) : conn_(conn) { conn_.exec(kBegin); }

Transaction::Transaction(Connection& conn, Join /*tag*/) : conn_(conn), joined_(true) {
  switch (PQtransactionStatus(conn_.raw())) {
    case PQTRANS_IDLE:
      conn_.exec("BEGIN");
      break;
    case PQTRANS_INTRANS:
      break;
    case PQTRANS_INERROR:
      throw Error("the connection's transaction has failed: pum cannot run in it")
          .hint("call connection.rollback() first");
    default:
      throw Error("the connection is busy (a query is running, or it is broken)");
  }
}

Transaction::~Transaction() {
  if (!open_ || joined_) return;
  // Never throws: on a broken connection the server rolls back by itself.
  PGresult* result = PQexec(conn_.raw(), "ROLLBACK");
  if (result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK) {
    log::debug("Transaction rolled back; the database is unchanged.");
  }
  PQclear(result);
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  open_ = false;
}

}  // namespace pum::db
