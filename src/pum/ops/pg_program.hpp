#pragma once
// The PostgreSQL client programs pum runs for dump and restore (pg_dump, pg_restore, psql): where
// they are, and running one with an argument vector (posix_spawn, never a shell).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pum::ops {

// The absolute path of a client program for a server of major version `server_major`, from the
// first of these directories that has it:
//   1. $PUM_PG_BINDIR (set by the user: an error when the program is not there);
//   2. the build's `pg_config --bindir`, unless its major version is older than the server's
//      (pg_dump refuses to dump a newer server);
//   3. /usr/lib/postgresql/<server_major>/bin (Debian/Ubuntu layout);
//   4. the build's directory even when older;
//   5. PATH.
// Throws pum::Error with a hint when it is found nowhere.
std::string find_pg_program(const std::string& name, int server_major);

// A program the caller named: a path (with a '/') must be executable; a bare name is looked up
// in PATH. Throws pum::Error when it is not found.
std::string given_program(const std::string& program);

struct ProgramRun {
  std::vector<std::string> argv;  // argv[0]: the absolute path of the program
  // Variables set (or replaced) in the child's environment, e.g. PGPASSWORD.
  std::vector<std::pair<std::string, std::string>> env;
};

struct ProgramResult {
  int exit_code = -1;  // when signal == 0
  int signal = 0;      // the signal that ended it, if any
  std::string stderr_text;

  [[nodiscard]] bool ok() const { return signal == 0 && exit_code == 0; }
  // "exit code 1", "killed by signal 9"
  [[nodiscard]] std::string status() const;
};

// Runs the program to its end: standard input and output on /dev/null, standard error captured
// (its first MiB). Throws pum::Error when it cannot be started.
ProgramResult run_program(const ProgramRun& run);

// The program's standard error without its trailing line end, for messages.
std::string trimmed(const std::string& text);

}  // namespace pum::ops
