#include "pum/db/advisory_lock.hpp"

#include <fmt/format.h>

#include <string>

#include "pum/ui/log.hpp"

namespace pum::db {

namespace {
// "pum" in ASCII: 0x70 0x75 0x6d.
constexpr std::int32_t kPumLockSpace = 0x70756d;

constexpr const char* kTryLock = "SELECT pg_catalog.pg_try_advisory_xact_lock($1::int4, $2::int4)";

// Who holds our lock: an advisory lock on two int4 keys shows classid = key1, objid = key2,
// objsubid = 2 in pg_locks.
constexpr const char* kLockHolder = R"SQL(
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
       coalesce(to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'), ''),
       coalesce(extract(epoch FROM (now() - a.xact_start))::int, 0)
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted
  AND l.classid = $1::int4::oid AND l.objid = $2::int4::oid AND l.objsubid = 2
  -- advisory locks are per database: name this database's holder, not another's
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
LIMIT 1)SQL";

constexpr const char* kWaitLock = R"SQL(
SELECT pg_catalog.set_config('lock_timeout', $3, true),
       pg_catalog.pg_advisory_xact_lock($1::int4, $2::int4))SQL";
}  // namespace

LockKey migration_lock_key(std::string_view schema) {
  std::uint32_t hash = 2166136261U;
  for (char c : schema) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619U;
  }
  return {kPumLockSpace, static_cast<std::int32_t>(hash & 0x7fffffffU)};
}

void acquire_migration_lock(Connection& conn, std::string_view schema,
                            std::optional<double> timeout_seconds) {
  LockKey key = migration_lock_key(schema);
  Params params{std::to_string(key.space), std::to_string(key.key)};
  if (conn.query_one_row(kTryLock, params).boolean(0, 0)) {
    log::debug("Took the pum lock for {}.pum_migrations", schema);
    return;
  }
  Result holder = conn.query(kLockHolder, params);
  if (holder.rows() > 0) {
    log::info(
        "Waiting for the lock on {}.pum_migrations: held by pid {} (application_name '{}', user "
        "'{}', transaction started {}, {} s ago){}",
        schema, holder.text(0, 0), holder.text(0, 1), holder.text(0, 2), holder.text(0, 3),
        holder.text(0, 4),
        timeout_seconds ? fmt::format("; waiting at most {} s", *timeout_seconds) : "");
  } else {
    log::info("Waiting for the lock on {}.pum_migrations held by another pum run", schema);
  }
  // lock_timeout is in milliseconds; 0 means wait forever. SET LOCAL semantics (is_local=true).
  std::string timeout_ms =
      timeout_seconds ? std::to_string(static_cast<long long>(*timeout_seconds * 1000.0)) : "0";
  if (timeout_seconds && timeout_ms == "0") timeout_ms = "1";
  try {
    conn.query(kWaitLock, {params[0], params[1], timeout_ms});
  } catch (Error& error) {
    if (error.sqlstate() == "55P03") {
      throw Error(fmt::format("gave up waiting for the lock on {}.pum_migrations after {} s: "
                              "another pum run is still working on this database",
                              schema, *timeout_seconds))
          .hint("retry when the other run has finished, or raise --lock-timeout");
    }
    throw;
  }
  conn.exec("SET LOCAL lock_timeout = DEFAULT");
  log::info("Lock acquired on {}.pum_migrations", schema);
}

}  // namespace pum::db
