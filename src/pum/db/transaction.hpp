#pragma once
// The one transaction of a command: BEGIN on construction, ROLLBACK in the destructor unless
// commit() succeeded (except a joined one, see Join). Any error therefore leaves the database
// exactly as it was.
#include <string_view>

#include "pum/db/connection.hpp"

namespace pum::db {

class Transaction {
 public:
  // READ COMMITTED whatever the database's default: after waiting for the migrations lock, the
  // next statement must see what the previous holder committed.
  static constexpr std::string_view kBegin = "BEGIN ISOLATION LEVEL READ COMMITTED";

  explicit Transaction(Connection& conn);
  // On a borrowed connection: joins the caller's open transaction (or BEGINs one, as psycopg
  // would on its first statement), and never rolls back: after a failure the caller rolls back,
  // as with pum 1.8's Python API. A transaction already failed is refused.
  struct Join {};
  Transaction(Connection& conn, Join /*tag*/);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Connection& conn_;
  bool open_ = true;
  bool joined_ = false;
};

}  // namespace pum::db
