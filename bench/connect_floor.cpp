// pum-bench-connect: the floor of a fleet run. Opens one connection to each conninfo read from
// stdin (one a line), runs SQL on it (default: SELECT 1) and closes it, with J threads working
// through the list, and prints the wall time in seconds. bench/fleet.sh compares `pum fleet`
// with it: no client can go through N databases faster than the server accepts N connections
// and answers them, so this is what "bounded by connection set-up time" is measured against.
//
// Usage: pum-bench-connect [-j J] [-c SQL] < conninfos
// Exit 1 (with the libpq message) when a connection or the SQL fails.
#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

struct Options {
  unsigned jobs = 1;
  std::string sql = "SELECT 1";
};

[[noreturn]] void usage(const char* message) {
  std::fprintf(stderr,
               "pum-bench-connect: %s\nusage: pum-bench-connect [-j J] [-c SQL] < conninfos\n",
               message);
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "-j" || arg == "-c") && i + 1 < argc) {
      if (arg == "-c") {
        options.sql = argv[++i];
        continue;
      }
      const long jobs = std::strtol(argv[++i], nullptr, 10);
      if (jobs < 1 || jobs > 256) usage("-j takes 1 to 256");
      options.jobs = static_cast<unsigned>(jobs);
    } else {
      usage("unknown argument");
    }
  }
  return options;
}

// One target: connect, run the SQL (a simple query: several statements are allowed), close.
// Returns an empty string, or what went wrong.
std::string visit(const std::string& conninfo, const std::string& sql) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* result = PQexec(conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) error = PQerrorMessage(conn);
    PQclear(result);
  }
  PQfinish(conn);
  return error;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  std::vector<std::string> targets;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty()) targets.push_back(line);
  }
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::string failed;
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < options.jobs; ++j) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next++) < targets.size();) {
        std::string error = visit(targets[i], options.sql);
        if (!error.empty()) {
          const std::lock_guard lock(failed_mutex);
          if (failed.empty()) failed = targets[i] + ": " + error;
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  if (!failed.empty()) {
    std::fprintf(stderr, "pum-bench-connect: %s", failed.c_str());
    return 1;
  }
  std::printf("%.6f\n", elapsed.count());
  return 0;
}
