#pragma once
// Serialises pum runs that write to the same migrations table: a transaction-scoped advisory
// lock (released by COMMIT/ROLLBACK, so it is safe behind transaction-pooling PgBouncer and can
// never be leaked by a crashed client).
#include <cstdint>
#include <optional>
#include <string_view>

#include "pum/db/connection.hpp"

namespace pum::db {

struct LockKey {
  std::int32_t space;  // constant: identifies pum's locks among the application's own
  std::int32_t key;    // FNV-1a of the migrations schema name, masked to 31 bits
};

LockKey migration_lock_key(std::string_view schema);

// Takes the lock inside the open transaction. When another session holds it, logs who (pid,
// application_name, user, since when) and waits, at most timeout_seconds when given.
// Throws pum::Error when the wait times out.
void acquire_migration_lock(Connection& conn, std::string_view schema,
                            std::optional<double> timeout_seconds);

}  // namespace pum::db
