#include "pum/layout/layout.hpp"

#include "pum/util/error.hpp"

namespace pum::layout {

std::string Tracking::unrecord_sql(const AppliedMigration& row) const {
  throw Error("rollback is not supported by " + display_name() + " (" + row.version_text + ")");
}

}  // namespace pum::layout
