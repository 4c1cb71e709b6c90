#pragma once
// Serialises runs that write to the same tracking table with an advisory lock. pum 1.x runs take
// a transaction-scoped lock on two int4 keys (released by COMMIT/ROLLBACK, so it is safe behind
// transaction-pooling PgBouncer and can never be leaked by a crashed client); layouts that commit
// more than once per run hold a session lock for the whole run, on the key the original tool
// takes (so that its runs and ours serialise).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pum/db/connection.hpp"

namespace pum::db {

struct LockKey {
  std::int32_t space;  // constant: identifies pum's locks among the application's own
  std::int32_t key;    // FNV-1a of the migrations schema name, masked to 31 bits
};

// Which advisory lock, and for how long.
struct LockSpec {
  // Two int4 keys (pg_advisory_lock(int4, int4)) when two_keys, else one int8 key.
  bool two_keys = true;
  std::int32_t key1 = 0;
  std::int32_t key2 = 0;
  std::int64_t key = 0;
  // Held until the end of the session (or release_lock) instead of the transaction.
  bool session = false;
  std::string what;  // what the lock protects, for messages: "public.pum_migrations"
};

LockKey migration_lock_key(std::string_view schema);

// The lock of pum 1.x runs on <schema>.pum_migrations (transaction-scoped).
LockSpec migration_lock(std::string_view schema);

// Takes the lock (a transaction-scoped one inside the open transaction). When another session
// holds it, logs who (pid, application_name, user, since when) and waits, at most
// timeout_seconds when given. Throws pum::Error (exit code 3) when the wait times out.
void acquire_lock(Connection& conn, const LockSpec& lock, std::optional<double> timeout_seconds);

// Releases a session lock (a transaction-scoped one ends with its transaction).
void release_lock(Connection& conn, const LockSpec& lock);

inline void acquire_migration_lock(Connection& conn, std::string_view schema,
                                   std::optional<double> timeout_seconds) {
  acquire_lock(conn, migration_lock(schema), timeout_seconds);
}

}  // namespace pum::db
