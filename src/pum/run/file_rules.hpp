#pragma once
// How a layout's SQL files become the statements sent to the server (see engine.hpp).
#include <functional>

#include "pum/sql/render.hpp"
#include "pum/sql/script.hpp"

namespace pum::run {

struct FileRules {
  // Renders one statement (placeholders, templates or variables) with its map back to the file.
  // Null: the statement is sent as written.
  std::function<sql::Rendered(const sql::Script&, const sql::Statement&)> render;
  // Refuse transaction control (BEGIN, COMMIT, ...) and set_config('search_path') in files, as
  // pum 1.x does: the engine controls the transaction.
  bool reject_transaction_control = true;
  // Leave out a file's own outer `BEGIN; ... COMMIT;` (what pgdbm's create_migration writes)
  // before that check: pum runs the file inside its own transaction instead.
  bool skip_outer_transaction = false;
};

}  // namespace pum::run
