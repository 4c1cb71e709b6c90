#include "pum/db/advisory_lock.hpp"

#include <fmt/format.h>

#include <string>

#include "pum/ui/log.hpp"

namespace pum::db {

namespace {
// "pum" in ASCII: 0x70 0x75 0x6d.
constexpr std::int32_t kPumLockSpace = 0x70756d;

// An advisory lock on two int4 keys shows classid = key1, objid = key2, objsubid = 2 in pg_locks;
// one on an int8 key shows its high half as classid, its low half as objid, objsubid = 1.
constexpr const char* kLockHolder = R"SQL(
SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
       coalesce(to_char(coalesce(a.xact_start, a.backend_start), 'YYYY-MM-DD HH24:MI:SS TZ'), ''),
       coalesce(extract(epoch FROM (now() - coalesce(a.xact_start, a.backend_start)))::int, 0)
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()
  AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = $3::int2
  -- advisory locks are per database: name this database's holder, not another's
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
LIMIT 1)SQL";

// The SQL function's name and its arguments for this lock.
struct Call {
  std::string args;  // "$1::int4, $2::int4" or "$1::int8"
  Params params;
};

Call call_of(const LockSpec& lock) {
  if (lock.two_keys) {
    return {"$1::int4, $2::int4", {std::to_string(lock.key1), std::to_string(lock.key2)}};
  }
  return {"$1::int8", {std::to_string(lock.key)}};
}

std::string function_of(const LockSpec& lock, bool try_only) {
  return fmt::format("pg_catalog.pg{}_advisory{}_lock", try_only ? "_try" : "",
                     lock.session ? "" : "_xact");
}

// pg_locks columns (classid, objid, objsubid) of the lock, as text.
Params holder_params(const LockSpec& lock) {
  if (lock.two_keys) {
    auto as_oid = [](std::int32_t v) { return std::to_string(static_cast<std::uint32_t>(v)); };
    return {as_oid(lock.key1), as_oid(lock.key2), "2"};
  }
  auto key = static_cast<std::uint64_t>(lock.key);
  return {std::to_string(key >> 32U), std::to_string(key & 0xffffffffULL), "1"};
}
}  // namespace

LockKey migration_lock_key(std::string_view schema) {
  std::uint32_t hash = 2166136261U;
  for (char c : schema) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619U;
  }
  return {kPumLockSpace, static_cast<std::int32_t>(hash & 0x7fffffffU)};
}

LockSpec migration_lock(std::string_view schema) {
  LockKey key = migration_lock_key(schema);
  LockSpec lock;
  lock.two_keys = true;
  lock.key1 = key.space;
  lock.key2 = key.key;
  lock.session = false;
  lock.what = std::string(schema) + ".pum_migrations";
  return lock;
}

void acquire_lock(Connection& conn, const LockSpec& lock, std::optional<double> timeout_seconds) {
  Call call = call_of(lock);
  if (conn.query_one_row(fmt::format("SELECT {}({})", function_of(lock, true), call.args),
                         call.params)
          .boolean(0, 0)) {
    log::debug("Took the pum lock for {}", lock.what);
    return;
  }
  Result holder = conn.query(kLockHolder, holder_params(lock));
  if (holder.rows() > 0) {
    log::info(
        "Waiting for the lock on {}: held by pid {} (application_name '{}', user '{}', "
        "{} started {}, {} s ago){}",
        lock.what, holder.text(0, 0), holder.text(0, 1), holder.text(0, 2),
        lock.session ? "session" : "transaction", holder.text(0, 3), holder.text(0, 4),
        timeout_seconds ? fmt::format("; waiting at most {} s", *timeout_seconds) : "");
  } else {
    log::info("Waiting for the lock on {} held by another pum run", lock.what);
  }
  // lock_timeout is in milliseconds; 0 means wait forever. Set for this statement only: inside
  // a transaction with SET LOCAL semantics, outside one reset right after.
  std::string timeout_ms =
      timeout_seconds ? std::to_string(static_cast<long long>(*timeout_seconds * 1000.0)) : "0";
  if (timeout_seconds && timeout_ms == "0") timeout_ms = "1";
  Params params = call.params;
  params.emplace_back(timeout_ms);
  const std::string timeout_arg = lock.two_keys ? "$3" : "$2";
  try {
    conn.query(
        fmt::format("SELECT pg_catalog.set_config('lock_timeout', {}, {}), {}({})", timeout_arg,
                    lock.session ? "false" : "true", function_of(lock, false), call.args),
        params);
  } catch (Error& error) {
    if (lock.session) conn.exec("RESET lock_timeout");
    if (error.sqlstate() == "55P03") {
      throw Error(fmt::format("gave up waiting for the lock on {} after {} s: another pum run is "
                              "still working on this database",
                              lock.what, *timeout_seconds),
                  {}, ExitCode::lock_timeout)
          .hint("retry when the other run has finished, or raise --lock-timeout");
    }
    throw;
  }
  conn.exec(lock.session ? "RESET lock_timeout" : "SET LOCAL lock_timeout = DEFAULT");
  log::info("Lock acquired on {}", lock.what);
}

void release_lock(Connection& conn, const LockSpec& lock) {
  if (!lock.session) return;
  Call call = call_of(lock);
  conn.query(fmt::format("SELECT pg_catalog.pg_advisory_unlock({})", call.args), call.params);
}

}  // namespace pum::db
