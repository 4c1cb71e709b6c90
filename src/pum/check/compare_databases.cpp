#include "pum/check/compare_databases.hpp"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <optional>
#include <thread>

#include "pum/ui/log.hpp"
#include "pum/ui/progress.hpp"

namespace pum::check {

namespace {

using Clock = std::chrono::steady_clock;

long long ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// Runs both functions at the same time (the second on another thread); rethrows the first
// failure once both ended.
template <typename A, typename B>
void in_parallel(A&& first, B&& second) {
  std::exception_ptr error_first, error_second;
  std::thread other([&] {
    try {
      second();
    } catch (...) {
      error_second = std::current_exception();
    }
  });
  try {
    first();
  } catch (...) {
    error_first = std::current_exception();
  }
  other.join();
  if (error_first) std::rethrow_exception(error_first);
  if (error_second) std::rethrow_exception(error_second);
}

struct Side {
  std::optional<db::Connection> conn;
  Snapshot snapshot;
  long long ms = 0;

  void read(const Opener& open, const ReadOptions& options) {
    auto start = Clock::now();
    conn.emplace(open());
    snapshot = read_snapshot(*conn, options);
    ms = ms_since(start);
  }

  void resolve(std::map<Kind, Definitions>& requests) {
    for (auto& [kind, definitions] : requests) {
      if (definitions.empty()) continue;
      std::vector<std::uint32_t> oids;
      oids.reserve(definitions.size());
      for (const auto& [oid, value] : definitions) oids.push_back(oid);
      definitions = resolve_definitions(*conn, kind, oids);
    }
  }
};

std::size_t row_count(const Snapshot& snapshot) {
  std::size_t n = 0;
  for (const auto& [kind, rows] : snapshot.rows) n += rows.size();
  return n;
}

std::size_t request_count(const std::map<Kind, Definitions>& requests) {
  std::size_t n = 0;
  for (const auto& [kind, definitions] : requests) n += definitions.size();
  return n;
}

}  // namespace

std::vector<CheckResult> compare_databases(const Opener& first, const Opener& second,
                                           const Selection& selection,
                                           const std::set<std::string>& exclude_relations) {
  std::vector<Kind> kinds = select_kinds(selection.ignore, selection.include);
  ReadOptions read{kinds, selection.exclude_schemas};
  // PUM_CHECK_FINGERPRINTS=0 prints every definition at once (slower; for troubleshooting).
  const char* fingerprints = std::getenv("PUM_CHECK_FINGERPRINTS");
  read.fingerprints = fingerprints == nullptr || std::string_view(fingerprints) != "0";
  progress::Run progress("steps", 3);
  progress.step("reading the catalogs of both databases");
  Side a, b;
  in_parallel([&] { a.read(first, read); }, [&] { b.read(second, read); });
  progress.step("comparing");
  log::debug("Read the first database (PostgreSQL {}): {} rows in {} ms", a.snapshot.server_version,
             row_count(a.snapshot), a.ms);
  log::debug("Read the second database (PostgreSQL {}): {} rows in {} ms",
             b.snapshot.server_version, row_count(b.snapshot), b.ms);

  auto start = Clock::now();
  CompareOptions options{kinds, selection.exclude_field_patterns, exclude_relations};
  options.exclude_migrations_tables = !selection.include_migrations_table;
  std::vector<CheckResult> results =
      compare(a.snapshot, b.snapshot, options, [&](DefinitionRequests& requests) {
        progress.step("printing the definitions that differ");
        auto resolving = Clock::now();
        in_parallel([&] { a.resolve(requests.first); }, [&] { b.resolve(requests.second); });
        log::debug("Printed {} + {} definitions that differ by fingerprint in {} ms",
                   request_count(requests.first), request_count(requests.second),
                   ms_since(resolving));
      });
  log::debug("Compared in {} ms", ms_since(start));
  in_parallel([&] { end_snapshot(*a.conn); }, [&] { end_snapshot(*b.conn); });
  return results;
}

}  // namespace pum::check
