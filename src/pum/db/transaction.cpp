#include "pum/db/transaction.hpp"

#include "pum/ui/log.hpp"

namespace pum::db {

Transaction::Transaction(Connection& conn) : conn_(conn) { conn_.exec(kBegin); }

Transaction::~Transaction() {
  if (!open_) return;
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
